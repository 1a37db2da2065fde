package dev.reapi.sandbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import com.sun.net.httpserver.HttpServer;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Market events reach a real HTTP receiver, signed so that the reference library accepts them. */
class WebhookTest {
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final Map<String, AtomicInteger> attempts = new ConcurrentHashMap<>();
    private final AtomicInteger failuresPerEvent = new AtomicInteger();
    private HttpServer receiver;
    private Sandbox sandbox;
    private String secret;

    @BeforeEach
    void start() throws Exception {
        receiver = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        receiver.createContext(
                "/hook",
                exchange -> {
                    byte[] body = exchange.getRequestBody().readAllBytes();
                    Map<String, List<String>> headers = new HashMap<>();
                    exchange.getRequestHeaders()
                            .forEach(
                                    (k, v) ->
                                            headers.put(
                                                    k.toLowerCase(Locale.ROOT), List.copyOf(v)));
                    deliveries.add(new Delivery(headers, new String(body, StandardCharsets.UTF_8)));
                    String id = headers.get("webhook-id").get(0);
                    int attempt =
                            attempts.computeIfAbsent(id, k -> new AtomicInteger())
                                    .incrementAndGet();
                    int status = attempt <= failuresPerEvent.get() ? 500 : 204;
                    exchange.sendResponseHeaders(status, -1);
                    exchange.close();
                });
        receiver.start();
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = "whsec_" + Base64.getEncoder().encodeToString(key);
        // The real clock: the reference library rejects timestamps far from now.
        sandbox = Sandbox.start(SandboxOptions.defaults().withProperties(2_000));
    }

    @AfterEach
    void stop() {
        sandbox.close();
        receiver.stop(0);
    }

    private String hookUrl() {
        return "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";
    }

    @Test
    void tick_registeredEndpoint_receivesSignedEventsTheReferenceLibraryVerifies()
            throws Exception {
        sandbox.registerWebhook(hookUrl(), secret);

        List<MarketChange> changes = sandbox.tick(5);
        long expected =
                changes.stream()
                        .mapToLong(c -> (c.priceChanged() ? 1 : 0) + (c.statusChanged() ? 1 : 0))
                        .sum();

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= expected);
        Webhook verifier = new Webhook(secret);
        for (Delivery d : deliveries) {
            verifier.verify(d.body, d.headers);
            String type = Http.JSON.readTree(d.body).get("type").asText();
            String schema =
                    type.equals("property.price_changed")
                            ? "PriceChangedEvent"
                            : "StatusChangedEvent";
            assertThat(Contract.errors(schema, Http.JSON.readTree(d.body))).as(d.body).isEmpty();
        }
        assertThat(deliveries).hasSize((int) expected);
    }

    @Test
    void delivery_endpointFailsTwice_isRetriedWithTheSameId() {
        failuresPerEvent.set(2);
        String control = sandbox.baseUrl();
        Http http = new Http(control, "");
        Http.Response registered =
                http.post(
                        "/_sandbox/webhooks",
                        "{\"url\":\"" + hookUrl() + "\",\"secret\":\"" + secret + "\"}");
        assertThat(registered.status()).isEqualTo(201);

        http.post("/_sandbox/market/tick", "{\"count\":1}");

        await().atMost(Duration.ofSeconds(10))
                .until(
                        () ->
                                !attempts.isEmpty()
                                        && attempts.values().stream().allMatch(a -> a.get() >= 3));
        assertThat(deliveries).hasSize(3 * attempts.size());
        assertThat(deliveries.stream().map(d -> d.headers.get("webhook-id").get(0)).distinct())
                .hasSize(attempts.size());
    }

    @Test
    void delivery_duplicateRateOne_sendsEveryEventTwiceWithOneId() {
        sandbox.setFaults(
                FaultSettings.none().withWebhooks(new FaultSettings.WebhookFaults(0, 1.0, true)));
        sandbox.registerWebhook(hookUrl(), secret);

        long events =
                sandbox.tick(4).stream()
                        .mapToLong(c -> (c.priceChanged() ? 1 : 0) + (c.statusChanged() ? 1 : 0))
                        .sum();

        await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 2 * events);
        assertThat(attempts).hasSize((int) events);
        assertThat(attempts.values()).allMatch(a -> a.get() == 2);
    }

    @Test
    void backgroundMarket_positiveRate_deliversEventsWithoutTicks() {
        try (Sandbox busy =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withProperties(2_000)
                                .withMarketChangesPerSecond(20))) {
            busy.registerWebhook(hookUrl(), secret);

            await().atMost(Duration.ofSeconds(10)).until(() -> deliveries.size() >= 5);
        }
    }

    @Test
    void registerWebhook_badSecret_isRejected() {
        Http http = new Http(sandbox.baseUrl(), "");

        Http.Response r =
                http.post(
                        "/_sandbox/webhooks",
                        "{\"url\":\"" + hookUrl() + "\",\"secret\":\"plain\"}");

        assertThat(r.status()).isEqualTo(400);
        assertThat(r.json().at("/errors/0/field").asText()).isEqualTo("secret");
        assertThat(r.body()).doesNotContain("plain");
    }

    private record Delivery(Map<String, List<String>> headers, String body) {
        Delivery {
            headers = Map.copyOf(headers);
        }
    }
}
