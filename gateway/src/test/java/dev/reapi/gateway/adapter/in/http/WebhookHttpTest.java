package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.standardwebhooks.Webhook;
import dev.reapi.gateway.adapter.out.cache.JsonCodecs;
import dev.reapi.gateway.adapter.out.persistence.Database;
import dev.reapi.gateway.adapter.out.persistence.JdbiChangeLogStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiReplicaStore;
import dev.reapi.gateway.adapter.out.persistence.JdbiWebhookInboxStore;
import dev.reapi.gateway.application.port.out.ChangeHook;
import dev.reapi.gateway.application.port.out.WebhookInbox;
import dev.reapi.gateway.application.sync.ChangeApplier;
import dev.reapi.gateway.application.sync.InboxWorker;
import dev.reapi.gateway.application.sync.WebhookIngestion;
import dev.reapi.gateway.domain.sync.ChangeSource;
import dev.reapi.gateway.domain.sync.InboxState;
import dev.reapi.gateway.domain.sync.SyncFixtures;
import dev.reapi.gateway.testing.MutableClock;
import io.javalin.Javalin;
import io.javalin.json.JavalinJackson;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WebhookHttpTest {

    private static final String OLD_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
    private static final String NEW_SECRET = "whsec_c2Vjb25kLXNlY3JldC1mb3Itcm90YXRpb24tdGVzdA==";
    private static final String FORGED_SECRET = "whsec_Zm9yZ2VkLXNlY3JldC1ub2JvZHktaGFzLWl0IQ==";
    private static final String BODY =
            """
            {"type":"property.price_changed","timestamp":"2026-11-01T10:05:00Z",
             "data":{"property_id":"P1","old_price":250000,"new_price":240000,
                     "changed_at":"2026-11-01T10:05:00Z"}}\
            """;

    @TempDir Path dir;
    private final MutableClock clock = new MutableClock(Instant.parse("2026-12-01T00:00:00Z"));
    private final HttpClient http = HttpClient.newHttpClient();
    private Database db;
    private WebhookInbox inbox;
    private InboxWorker worker;
    private Javalin app;

    private final List<WebhookIngestion> ingestions = new ArrayList<>();

    @BeforeEach
    void start() {
        db = Database.open("jdbc:sqlite:" + dir.resolve("reapi.db"));
        inbox = new JdbiWebhookInboxStore(db);
        applier().applyAll(List.of(SyncFixtures.listed("P1")), ChangeSource.READ, Optional.empty());
        worker = new InboxWorker(inbox, applier());
        app = serve(worker);
    }

    @AfterEach
    void stop() {
        ingestions.forEach(WebhookIngestion::close);
        app.stop();
        worker.close();
        db.close();
    }

    @Test
    void post_signedWithEitherActiveSecret_isStoredAndApplied() throws Exception {
        HttpResponse<String> first = post("msg_1", clock.instant(), OLD_SECRET, BODY);
        HttpResponse<String> second = post("msg_2", clock.instant(), NEW_SECRET, BODY);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(second.statusCode()).isEqualTo(202);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> inbox.state("msg_1").orElseThrow() == InboxState.APPLIED);
        assertThat(new JdbiReplicaStore(db).find("P1").orElseThrow().json())
                .contains("\"price\":240000");
    }

    @Test
    void post_forgedExpiredOrUnsigned_is401AndStoresNothing() throws Exception {
        HttpResponse<String> forged = post("msg_1", clock.instant(), FORGED_SECRET, BODY);
        HttpResponse<String> expired =
                post("msg_2", clock.instant().minusSeconds(301), OLD_SECRET, BODY);
        HttpResponse<String> future =
                post("msg_3", clock.instant().plusSeconds(301), OLD_SECRET, BODY);
        HttpResponse<String> tampered =
                send(signed("msg_4", clock.instant(), OLD_SECRET, BODY), BODY.replace("24", "14"));

        assertThat(List.of(forged, expired, future, tampered))
                .allSatisfy(
                        r -> {
                            assertThat(r.statusCode()).isEqualTo(401);
                            assertThat(r.headers().firstValue("Content-Type"))
                                    .hasValueSatisfying(t -> assertThat(t).contains("problem"));
                        });
        assertThat(inbox.counts()).isEqualTo(new WebhookInbox.Counts(0, 0, 0, 0));
    }

    @Test
    void post_malformedOrUnknownType_is400AndStoresNothing() throws Exception {
        List<String> bodies =
                List.of(
                        "{not json",
                        "[]",
                        BODY.replace("property.price_changed", "property.deleted"),
                        BODY.replace("\"new_price\":240000", "\"new_price\":\"cheap\""),
                        BODY.replace("\"changed_at\":\"2026-11-01T10:05:00Z\"", "\"x\":1"),
                        BODY.replace("\"P1\"", "\"bad id!\""));

        for (String body : bodies) {
            assertThat(post("msg_x", clock.instant(), OLD_SECRET, body).statusCode())
                    .as(body)
                    .isEqualTo(400);
        }
        assertThat(inbox.state("msg_x")).isEmpty();
    }

    @Test
    void post_replayedId_isAcknowledgedAndStoredOnce() throws Exception {
        HttpResponse<String> first = post("msg_1", clock.instant(), OLD_SECRET, BODY);
        clock.advance(Duration.ofSeconds(30));
        HttpResponse<String> replay = post("msg_1", clock.instant(), OLD_SECRET, BODY);

        assertThat(first.statusCode()).isEqualTo(202);
        assertThat(replay.statusCode()).isEqualTo(200);
        assertThat(replay.body()).contains("\"duplicate\":true");
        await().atMost(Duration.ofSeconds(5)).until(() -> inbox.counts().applied() == 1);
        assertThat(inbox.counts().pending()).isZero();
    }

    @Test
    void start_afterCrashBetweenAckAndApply_appliesTheStoredEvent() throws Exception {
        app.stop();
        worker.close();
        var crashed = new InboxWorker(inbox, applier());
        crashed.close();
        app = serve(crashed);

        int status = post("msg_1", clock.instant(), OLD_SECRET, BODY).statusCode();
        InboxState before = inbox.state("msg_1").orElseThrow();
        worker = new InboxWorker(inbox, applier());
        worker.start();

        assertThat(status).isEqualTo(202);
        assertThat(before).isEqualTo(InboxState.PENDING);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> inbox.state("msg_1").orElseThrow() == InboxState.APPLIED);
    }

    private ChangeApplier applier() {
        return new ChangeApplier(
                new JdbiChangeLogStore(db),
                JsonCodecs.propertyCodecs().property(),
                ChangeHook.none(),
                clock);
    }

    private Javalin serve(InboxWorker w) {
        var signatures =
                new WebhookSignatures(
                        List.of(OLD_SECRET, NEW_SECRET),
                        WebhookSignatures.DEFAULT_TOLERANCE,
                        clock);
        var ingestion = new WebhookIngestion(inbox, w, clock);
        ingestions.add(ingestion);
        var routes = new WebhookRoutes(ingestion, signatures);
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

    private HttpResponse<String> post(String id, Instant at, String secret, String body)
            throws Exception {
        return send(signed(id, at, secret, body), body);
    }

    private HttpRequest.Builder signed(String id, Instant at, String secret, String body)
            throws Exception {
        long seconds = at.getEpochSecond();
        return HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + app.port() + "/webhooks/property-updates"))
                .header("webhook-id", id)
                .header("webhook-timestamp", Long.toString(seconds))
                .header("webhook-signature", new Webhook(secret).sign(id, seconds, body));
    }

    private HttpResponse<String> send(HttpRequest.Builder request, String body) throws Exception {
        return http.send(
                request.POST(HttpRequest.BodyPublishers.ofString(body)).build(),
                HttpResponse.BodyHandlers.ofString());
    }
}
