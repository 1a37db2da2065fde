package dev.reapi.gateway.adapter.in.http;

import dev.reapi.gateway.application.port.out.ApiKeys;
import dev.reapi.gateway.domain.user.Plan;
import dev.reapi.gateway.domain.user.Principal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A fake of {@link ApiKeys} for HTTP tests: raw keys kept in a map, ids numbered. */
final class InMemoryApiKeys implements ApiKeys {

    private final Map<String, Plan> plans;
    private final Map<String, Entry> byKey = new ConcurrentHashMap<>();
    private final AtomicInteger sequence = new AtomicInteger();

    InMemoryApiKeys(Map<String, Plan> plans) {
        this.plans = Map.copyOf(plans);
    }

    private record Entry(String rawKey, KeySummary summary) {}

    @Override
    public Optional<Principal> authenticate(String presentedKey) {
        Entry entry = byKey.get(presentedKey);
        if (entry == null || entry.summary().revokedAt().isPresent()) {
            return Optional.empty();
        }
        KeySummary s = entry.summary();
        return Optional.of(
                new Principal(
                        s.userId(), s.userName(), plans.get(s.plan()), s.admin(), s.prefix()));
    }

    @Override
    public IssuedKey issue(String userName, String planName, boolean admin) {
        int n = sequence.incrementAndGet();
        String prefix = "rk_test" + n;
        String raw = prefix + "_secret" + n;
        var summary =
                new KeySummary(
                        prefix,
                        "user-" + userName,
                        userName,
                        planName,
                        admin,
                        Instant.EPOCH,
                        Optional.empty());
        byKey.put(raw, new Entry(raw, summary));
        return new IssuedKey(raw, summary);
    }

    @Override
    public List<KeySummary> list(String prefix) {
        List<KeySummary> all = new ArrayList<>();
        for (Entry entry : byKey.values()) {
            if (entry.summary().prefix().startsWith(prefix)) {
                all.add(entry.summary());
            }
        }
        return all;
    }

    @Override
    public boolean revoke(String prefix) {
        for (var e : byKey.entrySet()) {
            KeySummary s = e.getValue().summary();
            if (s.prefix().equals(prefix) && s.revokedAt().isEmpty()) {
                var revoked =
                        new KeySummary(
                                s.prefix(),
                                s.userId(),
                                s.userName(),
                                s.plan(),
                                s.admin(),
                                s.createdAt(),
                                Optional.of(Instant.EPOCH));
                e.setValue(new Entry(e.getKey(), revoked));
                return true;
            }
        }
        return false;
    }
}
