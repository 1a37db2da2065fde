package dev.reapi.gateway.adapter.out.persistence;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.Optional;
import java.util.random.RandomGenerator;
import java.util.regex.Pattern;

/**
 * The shape of a gateway API key, {@code rk_live_<prefix>_<secret>}: an 8-character public prefix
 * of {@code [a-z0-9]} that identifies the key, and a 32-character secret of {@code [A-Za-z0-9]}
 * (about 190 bits). Stateless and thread-safe.
 */
final class ApiKeyFormat {

    static final String SCHEME = "rk_live_";
    static final int PREFIX_LENGTH = 8;
    static final int SECRET_LENGTH = 32;

    static final String PREFIX_ALPHABET = "abcdefghijklmnopqrstuvwxyz0123456789";
    private static final String SECRET_ALPHABET =
            "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
    private static final Pattern KEY = Pattern.compile("rk_live_([a-z0-9]{8})_[A-Za-z0-9]{32,128}");
    private static final Pattern PREFIX_QUERY = Pattern.compile("[a-z0-9]{0,8}");

    private ApiKeyFormat() {}

    /** A new key drawn from {@code random}, which must be a secure generator in production. */
    static String generate(RandomGenerator random) {
        return SCHEME
                + draw(random, PREFIX_ALPHABET, PREFIX_LENGTH)
                + "_"
                + draw(random, SECRET_ALPHABET, SECRET_LENGTH);
    }

    /** A random string of {@code length} characters from {@code alphabet}. */
    static String draw(RandomGenerator random, String alphabet, int length) {
        var out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        return out.toString();
    }

    /** The public prefix of a well-formed key; empty for anything else. */
    static Optional<String> prefixOf(String presentedKey) {
        var matcher = KEY.matcher(presentedKey);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }

    /**
     * A prefix query as typed by an operator, with or without the {@code rk_live_} scheme; empty
     * when it cannot match any key.
     */
    static Optional<String> normalisePrefix(String query) {
        String lower = query.strip().toLowerCase(Locale.ROOT);
        String bare = lower.startsWith(SCHEME) ? lower.substring(SCHEME.length()) : lower;
        return PREFIX_QUERY.matcher(bare).matches() ? Optional.of(bare) : Optional.empty();
    }

    /** The stored form of a key: hex SHA-256 of the whole key. */
    static String hash(String key) {
        return HexFormat.of().formatHex(sha256(key));
    }

    /** Whether {@code key} hashes to {@code storedHash}, compared in constant time. */
    static boolean matches(String key, String storedHash) {
        byte[] stored;
        try {
            stored = HexFormat.of().parseHex(storedHash);
        } catch (IllegalArgumentException e) {
            return false;
        }
        return MessageDigest.isEqual(sha256(key), stored);
    }

    private static byte[] sha256(String key) {
        try {
            return MessageDigest.getInstance("SHA-256")
                    .digest(key.getBytes(StandardCharsets.UTF_8));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every JDK provides SHA-256", e);
        }
    }
}
