package dev.reapi.gateway.adapter.in.http;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.Socket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Connection lifecycle: slow clients are cut off, in-flight requests finish on shutdown. */
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

    @Test
    @Timeout(value = 30, unit = TimeUnit.SECONDS)
    void slowClient_sendingNothingMore_isDisconnectedAfterIdleTimeout() throws Exception {
        try (var server =
                        new TestServer(
                                new FakePropertySource(), List.of(), Duration.ofMillis(500));
                var socket = new Socket(InetAddress.getLoopbackAddress(), server.server.port())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(
                            "GET /health HTTP/1.1\r\nHost: x\r\n"
                                    .getBytes(StandardCharsets.US_ASCII));
            long start = System.nanoTime();

            byte[] rest = socket.getInputStream().readAllBytes();

            assertThat(Duration.ofNanos(System.nanoTime() - start))
                    .isLessThan(Duration.ofSeconds(9));
            assertThat(new String(rest, StandardCharsets.US_ASCII)).doesNotContain("200 OK");
        }
    }
}
