package dev.reapi.sandbox.http;

import com.fasterxml.jackson.databind.JsonNode;
import dev.reapi.sandbox.data.Dataset;
import dev.reapi.sandbox.data.PropertyRecord;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * {@code POST /v2/ChangeFiles} and the pre-signed, expiring CSV links it hands out under {@code
 * /_files}. The {@code modify} file of a day lists the properties whose latest change falls on that
 * UTC day, streamed page by page from the dataset's updated feed; {@code new} and {@code delete}
 * are header-only because the dataset never grows or shrinks. Thread-safe.
 */
final class ChangeFileRoutes {
    static final long LINK_SECONDS = 3_600;
    static final String HEADER = "id,lastUpdateDate\n";
    private static final List<String> KINDS = List.of("new", "modify", "delete");
    private static final Pattern FILE_DATE = Pattern.compile("[0-9]{4}-[0-9]{2}-[0-9]{2}");
    private static final Pattern FILE = Pattern.compile("([0-9]{8})_(new|modify|delete)\\.csv");
    private static final DateTimeFormatter COMPACT = DateTimeFormatter.BASIC_ISO_DATE;
    private static final int PAGE = 1_000;
    private static final int HISTORY_DAYS = 366;

    private final Api api;
    private final byte[] signingKey;

    ChangeFileRoutes(Api api) {
        this.api = api;
        this.signingKey =
                ("reapi-sandbox-change-files:" + api.data.generator().seed())
                        .getBytes(StandardCharsets.UTF_8);
    }

    void register(JavalinConfig config) {
        config.routes.get("/_files/change/{day}/{file}", this::download);
    }

    V2Envelope.Answer changeFiles(Context ctx, String apiKey) {
        JsonNode body = JsonBodies.object(JsonBodies.read(ctx), "");
        JsonBodies.onlyFields(body, "", Set.of("file_date"));
        if (!body.has("file_date")) {
            throw V2Problem.badRequest("file_date", "is required");
        }
        String text = JsonBodies.string(body.get("file_date"), "file_date");
        LocalDate date = parseDate(text);
        int day = (int) date.toEpochDay();
        int anchor = api.data.generator().anchorDay();
        if (day >= api.today() || day < anchor - HISTORY_DAYS) {
            JsonOut none =
                    new JsonOut(100)
                            .beginObject()
                            .name("success")
                            .value(false)
                            .field("reason", "No change files found for date " + text)
                            .endObject();
            return V2Envelope.Answer.single(none.toString(), 0);
        }

        long expires = api.clock.instant().getEpochSecond() + LINK_SECONDS;
        String base = ctx.scheme() + "://" + ctx.host() + "/_files/change/";
        long[] modified = modifiedStats(day);
        JsonOut out = new JsonOut(1_500).beginObject().name("success").value(true);
        out.field("fileCount", KINDS.size());
        out.name("summary")
                .beginObject()
                .field("new", 0)
                .field("modified", modified[0])
                .field("deleted", 0)
                .endObject();
        out.name("files").beginArray();
        for (String kind : KINDS) {
            long size = kind.equals("modify") ? modified[1] : HEADER.length();
            file(out, base, date, kind, size, expires);
        }
        return V2Envelope.Answer.single(out.endArray().endObject().toString(), 0);
    }

    /** One file descriptor with its pre-signed link. */
    private void file(
            JsonOut out, String base, LocalDate date, String kind, long size, long expires) {
        String compact = date.format(COMPACT);
        String resource = compact + "/" + compact + "_" + kind + ".csv";
        out.beginObject()
                .field("filename", compact + "_" + kind + ".csv")
                .field("size", size)
                .field("sizeDisplay", sizeDisplay(size))
                .field("lastModified", V2Json.isoMillis((date.toEpochDay() + 1) * 86_400L))
                .field(
                        "downloadUrl",
                        base + resource + "?expires=" + expires + "&sig=" + sign(resource, expires))
                .field("expiresAt", V2Json.isoMillis(expires))
                .endObject();
    }

    private static LocalDate parseDate(String text) {
        if (!FILE_DATE.matcher(text).matches()) {
            throw V2Problem.badRequest("file_date", "must be a date in YYYY-MM-DD format");
        }
        try {
            return LocalDate.parse(text);
        } catch (DateTimeParseException e) {
            throw V2Problem.badRequest("file_date", "must be a date in YYYY-MM-DD format");
        }
    }

    /** Rows and bytes of a day's modify file as it stands now. */
    private long[] modifiedStats(int day) {
        long[] rowsAndBytes = {0, HEADER.length()};
        forEachModified(
                day,
                p -> {
                    rowsAndBytes[0]++;
                    rowsAndBytes[1] += row(p).length();
                });
        return rowsAndBytes;
    }

    /** A visitor of one property; may fail with I/O. */
    @FunctionalInterface
    private interface Visitor {
        void visit(PropertyRecord p) throws IOException;
    }

    private void forEachModified(int day, Visitor visitor) {
        long start = day * 86_400L;
        long end = start + 86_400L;
        Dataset.FeedKey after = null;
        try {
            while (true) {
                Dataset.FeedPage page = api.data.updated(start, after, PAGE);
                for (PropertyRecord p : page.properties()) {
                    if (p.market().updatedAt() >= end) {
                        return;
                    }
                    visitor.visit(p);
                }
                if (page.next() == null) {
                    return;
                }
                after = page.next();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String row(PropertyRecord p) {
        return p.id() + "," + V2Json.isoMillis(p.market().updatedAt()) + "\n";
    }

    private void download(Context ctx) throws IOException {
        Matcher file = FILE.matcher(ctx.pathParam("file"));
        String day = ctx.pathParam("day");
        if (!file.matches() || !file.group(1).equals(day)) {
            s3Error(ctx, 404, "NoSuchKey", "The specified key does not exist.");
            return;
        }
        String expiresText = ctx.queryParam("expires");
        String sig = ctx.queryParam("sig");
        if (expiresText == null || sig == null || !expiresText.matches("[0-9]{1,12}")) {
            s3Error(
                    ctx,
                    403,
                    "AccessDenied",
                    "Query-string authentication requires expires and sig.");
            return;
        }
        long expires = Long.parseLong(expiresText);
        byte[] expected =
                sign(day + "/" + ctx.pathParam("file"), expires)
                        .getBytes(StandardCharsets.US_ASCII);
        if (!MessageDigest.isEqual(expected, sig.getBytes(StandardCharsets.US_ASCII))) {
            s3Error(
                    ctx,
                    403,
                    "SignatureDoesNotMatch",
                    "The request signature we calculated does not match the signature you"
                            + " provided.");
            return;
        }
        if (api.clock.instant().getEpochSecond() > expires) {
            s3Error(ctx, 403, "AccessDenied", "Request has expired");
            return;
        }
        ctx.status(200).contentType("text/csv; charset=utf-8");
        try (Writer w =
                new BufferedWriter(
                        new OutputStreamWriter(ctx.outputStream(), StandardCharsets.UTF_8),
                        64 * 1_024)) {
            w.write(HEADER);
            if (file.group(2).equals("modify")) {
                int epochDay = (int) LocalDate.parse(day, COMPACT).toEpochDay();
                forEachModified(epochDay, p -> w.write(row(p)));
            }
        }
    }

    private static void s3Error(Context ctx, int status, String code, String message) {
        ctx.status(status)
                .contentType("application/xml")
                .result(
                        "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<Error><Code>"
                                + code
                                + "</Code><Message>"
                                + message
                                + "</Message></Error>");
    }

    private String sign(String resource, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(signingKey, "HmacSHA256"));
            byte[] digest =
                    mac.doFinal((resource + ":" + expires).getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is unavailable", e);
        }
    }

    static String sizeDisplay(long bytes) {
        if (bytes < 1_024) {
            return bytes + "B";
        }
        if (bytes < 1_024 * 1_024) {
            return String.format(Locale.ROOT, "%.2fKB", bytes / 1_024.0);
        }
        return String.format(Locale.ROOT, "%.2fMB", bytes / (1_024.0 * 1_024.0));
    }
}
