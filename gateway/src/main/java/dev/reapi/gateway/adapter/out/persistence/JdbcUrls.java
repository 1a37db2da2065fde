package dev.reapi.gateway.adapter.out.persistence;

import java.nio.file.Path;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/** Parsing and masking of the JDBC URLs the gateway accepts. */
final class JdbcUrls {

    private static final String SQLITE = "jdbc:sqlite:";
    private static final String POSTGRESQL = "jdbc:postgresql:";
    private static final Pattern PASSWORD_PARAM = Pattern.compile("(?i)([?&;]password=)[^&;]*");
    private static final Pattern USER_INFO = Pattern.compile("//([^/@:]*):[^/@]*@");

    private JdbcUrls() {}

    /** The dialect of {@code url}, or an exception naming the supported forms. */
    static Database.Dialect dialect(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith(SQLITE)) {
            return Database.Dialect.SQLITE;
        }
        if (lower.startsWith(POSTGRESQL)) {
            return Database.Dialect.POSTGRESQL;
        }
        throw new IllegalArgumentException(
                "database url must start with jdbc:sqlite: or jdbc:postgresql:, was " + mask(url));
    }

    /** {@code url} with any password replaced by {@code ***}, safe to log. */
    static String mask(String url) {
        String masked = PASSWORD_PARAM.matcher(url).replaceAll("$1***");
        return USER_INFO.matcher(masked).replaceAll("//$1:***@");
    }

    /** The file a SQLite URL points to; empty for in-memory databases. */
    static Optional<Path> sqliteFile(String url) {
        String rest = url.substring(SQLITE.length());
        int query = rest.indexOf('?');
        if (query >= 0) {
            rest = rest.substring(0, query);
        }
        if (rest.startsWith("file:")) {
            rest = rest.substring("file:".length());
        }
        if (rest.isEmpty() || rest.startsWith(":memory:") || rest.startsWith(":resource:")) {
            return Optional.empty();
        }
        return Optional.of(Path.of(rest));
    }
}
