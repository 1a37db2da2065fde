package dev.reapi.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.reapi.gateway.adapter.in.http.WatchEndpoints;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiWatchStore;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.port.out.WatchedProperties;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.application.watch.WatchService;
import java.net.InetAddress;
import java.time.Clock;
import java.util.random.RandomGenerator;

/**
 * Wires watches: the store, the use cases behind {@code /api/watches}, the notifier a {@code
 * ChangeApplier} takes to notify watchers in its transactions, and the watched ids a scheduled
 * refresh reads. Callback URLs follow the same policy as job callbacks. Nothing here runs in the
 * background: delivery is the outbox relay's and the event-stream hub's, wired with jobs.
 */
final class WatchesWiring {

    private final JdbiWatchStore store;
    private final WatchNotifier notifier;
    private final WatchEndpoints endpoints;

    private WatchesWiring(JdbiWatchStore store, WatchNotifier notifier, WatchEndpoints endpoints) {
        this.store = store;
        this.notifier = notifier;
        this.endpoints = endpoints;
    }

    static WatchesWiring create(
            JobsConfig config, Database database, Clock clock, RandomGenerator random) {
        var policy =
                new CallbackUrlPolicy(
                        config.allowHttpCallbacks(),
                        config.allowPrivateCallbacks(),
                        InetAddress::getAllByName);
        var store = new JdbiWatchStore(database, JsonCodecs.propertyCodecs().property());
        var service = new WatchService(store, policy, clock, random);
        return new WatchesWiring(
                store, new WatchNotifier(new ObjectMapper()), new WatchEndpoints(service));
    }

    /** The routes' dependencies. */
    WatchEndpoints endpoints() {
        return endpoints;
    }

    /** The notifier to hand to every {@code ChangeApplier} that writes the replica. */
    WatchNotifier notifier() {
        return notifier;
    }

    /** The ids of watched properties, for a scheduled incremental refresh. */
    WatchedProperties watchedProperties() {
        return store;
    }
}
