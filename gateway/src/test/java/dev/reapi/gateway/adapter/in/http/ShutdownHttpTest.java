package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Graceful shutdown: in-flight requests finish before the server stops. */
class ShutdownHttpTest {

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void close_withRequestInFlight_letsItFinish() throws Exception {
        var source = new FakePropertySource();
        var release = new CountDownLatch(1);
        source.holdCallsUntil(release);
        var server = new TestServer(source, List.of());
        String key = server.userKey("free");

        CompletableFuture<HttpResponse<String>> inFlight =
                CompletableFuture.supplyAsync(
                        () ->
                                server.get(
                                        "/api/properties/" + FakePropertySource.KNOWN_ID,
                                        "X-API-Key",
                                        key));
        assertThat(source.entered.await(10, TimeUnit.SECONDS)).isTrue();
        var closing = CompletableFuture.runAsync(server.server::close);
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(server.server::stopping);
        release.countDown();

        assertThat(inFlight.get(20, TimeUnit.SECONDS).statusCode()).isEqualTo(200);
        closing.get(20, TimeUnit.SECONDS);
        server.http.close();
    }
}
