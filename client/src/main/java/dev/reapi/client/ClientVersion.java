package dev.reapi.client;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

/** The client's version, from a resource the build fills in. */
final class ClientVersion {

    private static final String VERSION = load();

    private ClientVersion() {}

    /** The version, e.g. {@code 0.1.0-SNAPSHOT}; {@code unknown} when run from raw sources. */
    static String get() {
        return VERSION;
    }

    private static String load() {
        try (InputStream in = ClientVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            Properties properties = new Properties();
            properties.load(in);
            String version = properties.getProperty("version", "unknown");
            return version.startsWith("${") ? "unknown" : version;
        } catch (IOException e) {
            throw new UncheckedIOException("cannot read the client version resource", e);
        }
    }
}
