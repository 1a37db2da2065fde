package dev.reapi.gateway.adapter.in.http;

import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/** Reads the first values of one field from a server-sent-events stream, for tests. */
final class SseLines {

    private static final Duration WAIT = Duration.ofSeconds(15);

    private SseLines() {}

    /**
     * Opens {@code request} as a stream and returns the values of the first {@code count} lines
     * named {@code field} (e.g. {@code id} or {@code data}), waiting up to 15 s for them; the
     * stream is closed before returning.
     */
    static List<String> read(HttpClient http, HttpRequest request, String field, int count)
            throws IOException, InterruptedException {
        String prefix = field + ":";
        HttpResponse<InputStream> response =
                http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        List<String> values = new CopyOnWriteArrayList<>();
        Thread reader =
                Thread.ofVirtual().start(() -> collect(response.body(), prefix, count, values));
        try {
            await().atMost(WAIT).until(() -> values.size() >= count);
        } finally {
            reader.interrupt();
            response.body().close();
        }
        return new ArrayList<>(values);
    }

    private static void collect(InputStream body, String prefix, int count, List<String> values) {
        try (var lines = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
            String line;
            while (values.size() < count && (line = lines.readLine()) != null) {
                if (line.startsWith(prefix)) {
                    values.add(line.substring(prefix.length()).strip());
                }
            }
        } catch (IOException e) {
            // The stream ended or was closed; the caller's wait reports a shortfall.
        }
    }
}
