package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.standardwebhooks.Webhook;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.notify.RelayWorker;
import dev.reapi.gateway.adapter.out.notify.SignedWebhookSender;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiOutboxStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWatchStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.application.notify.CallbackUrlPolicy;
import dev.reapi.gateway.application.notify.OutboxRelay;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.sync.InboxWorker;
import dev.reapi.gateway.application.sync.WebhookIngestion;
import dev.reapi.gateway.application.watch.WatchNotifier;
import dev.reapi.gateway.domain.job.RetryPolicy;
import dev.reapi.gateway.domain.notify.DeliveryState;
import dev.reapi.gateway.domain.notify.Notification;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.domain.sync.WebhookEvent;
import dev.reapi.gateway.domain.watch.Watch;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Webhook ingestion keeps working while the outbox relay is stuck on a callback that does not
 * answer: receiving and applying upstream events never waits for delivering notifications.
 */
class SlowCallbackIngestionTest {

    private static final String SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final int EVENTS = 20;

    @TempDir Path dir;
    private final Clock clock = Clock.systemUTC();
    private final HttpClient http = HttpClient.newHttpClient();
    private final CountDownLatch release = new CountDownLatch(1);
    private final AtomicInteger callbackRequests = new AtomicInteger();
    private com.sun.net.httpserver.HttpServer slowCallback;
    private Database db;
    private WebhookInbox inbox;
    private JdbiOutboxStore outbox;
    private InboxWorker worker;
    private RelayWorker relay;
    private Javalin app;
    private ChangeApplier applier;

    @BeforeEach
    void start() throws Exception {
        slowCallback =
                com.sun.net.httpserver.HttpServer.create(
                        new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        slowCallback.createContext(
                "/hook",
                exchange -> {
                    callbackRequests.incrementAndGet();
                    try {
                        release.await(60, TimeUnit.SECONDS);
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    exchange.sendResponseHeaders(204, -1);
                    exchange.close();
                });
        slowCallback.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
        slowCallback.start();
        db = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        inbox = new JdbiWebhookInboxStore(db);
        outbox = new JdbiOutboxStore(db.jdbi());
        applier =
                new ChangeApplier(
                        new JdbiChangeLogStore(db),
                        JsonCodecs.propertyCodecs().property(),
                        ChangeHook.none(),
                        clock,
                        Optional.of(new WatchNotifier(new ObjectMapper())));
        worker = new InboxWorker(inbox, applier);
        worker.start();
        relay = new RelayWorker(relay(), Duration.ofMillis(20));
        app = serve();
    }

    @AfterEach
    void stop() {
        release.countDown();
        app.stop();
        worker.close();
        relay.close();
        slowCallback.stop(0);
        db.close();
    }

    @Test
    void ingestion_whileRelayIsStuckOnASlowCallback_acceptsAndAppliesEveryEvent() throws Exception {
        applier.applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        outbox.saveTarget("alice", "", SECRET, clock.instant());
        String callback = "http://127.0.0.1:" + slowCallback.getAddress().getPort() + "/hook";
        new JdbiWatchStore(db, JsonCodecs.propertyCodecs().property())
                .add(
                        List.of(
                                Watch.ofProperty(
                                        "w_00000000000000000001",
                                        "alice",
                                        "P1",
                                        Optional.of(callback),
                                        clock.instant())));
        relay.start();
        applier.applyWebhook(
                new WebhookEvent(
                        "direct",
                        WebhookEvent.Type.PRICE_CHANGED,
                        "P1",
                        "249000",
                        SyncFixtures.T0.plusSeconds(1)));
        await().atMost(Duration.ofSeconds(15)).until(() -> callbackRequests.get() >= 1);

        List<Integer> statuses = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            statuses.add(post("msg_" + i, 248_000 - i * 1000, i + 2).statusCode());
        }

        assertThat(statuses).allSatisfy(s -> assertThat(s).isBetween(200, 299));
        await().atMost(Duration.ofSeconds(30)).until(() -> inbox.counts().applied() == EVENTS);
        // Events applied in one batch share a notification that carries each of their changes.
        List<Notification> notifications = outbox.listForUser("alice", 0, 100);
        int notifiedChanges = 0;
        for (Notification n : notifications) {
            notifiedChanges += new ObjectMapper().readTree(n.payloadJson()).path("changes").size();
        }
        assertThat(notifiedChanges).isEqualTo(EVENTS + 1);
        assertThat(notifications.getFirst().state()).isEqualTo(DeliveryState.PENDING);
        assertThat(notifications.getFirst().attempts()).isZero();
    }

    private OutboxRelay relay() {
        return new OutboxRelay(
                outbox,
                new SignedWebhookSender(Duration.ofSeconds(60), "reapi-test"),
                new CallbackUrlPolicy(true, true, InetAddress::getAllByName),
                new RetryPolicy(3, Duration.ofSeconds(1), Duration.ofSeconds(10), 2.0, 0.0),
                Duration.ofSeconds(120),
                10,
                new ObjectMapper(),
                clock,
                new SplittableRandom(1));
    }

    private Javalin serve() {
        var signatures =
                new WebhookSignatures(List.of(SECRET), WebhookSignatures.DEFAULT_TOLERANCE, clock);
        var routes = new WebhookRoutes(new WebhookIngestion(inbox, worker, clock), signatures);
        var mapper = JsonBodies.mapper(32);
        return Javalin.create(
                        config -> {
                            config.startup.showJavalinBanner = false;
                            config.jsonMapper(new JavalinJackson(mapper, true));
                            config.jetty.host = "127.0.0.1";
                            config.jetty.port = 0;
                            routes.register(config.routes);
                            new ErrorHandling(mapper).register(config.routes);
                        })
                .start();
    }

    private HttpResponse<String> post(String id, long price, int second) throws Exception {
        Instant changedAt = SyncFixtures.T0.plusSeconds(second);
        String body =
                """
                {"type":"property.price_changed","timestamp":"%s",
                 "data":{"property_id":"P1","old_price":250000,"new_price":%d,
                         "changed_at":"%s"}}\
                """
                        .formatted(changedAt, price, changedAt);
        long seconds = clock.instant().getEpochSecond();
        return http.send(
                HttpRequest.newBuilder(
                                URI.create(
                                        "http://127.0.0.1:"
                                                + app.port()
                                                + "/webhooks/property-updates"))
                        .header("webhook-id", id)
                        .header("webhook-timestamp", Long.toString(seconds))
                        .header("webhook-signature", new Webhook(SECRET).sign(id, seconds, body))
                        .POST(HttpRequest.BodyPublishers.ofString(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
