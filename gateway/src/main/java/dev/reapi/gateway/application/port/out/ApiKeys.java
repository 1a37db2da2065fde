package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.user.Principal;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * Users' API keys. Keys are stored hashed: the raw key exists only in the answer to {@link #issue}.
 * Implementations are thread-safe.
 */
public interface ApiKeys {

    /** The caller behind a presented key, or empty for an unknown or revoked key. */
    Optional<Principal> authenticate(String presentedKey);

    /** Creates the user if needed and a new key for it; the raw key is returned only here. */
    IssuedKey issue(String userName, String planName, boolean admin);

    /** Keys whose public prefix starts with {@code prefix} (all when empty), newest first. */
    List<KeySummary> list(String prefix);

    /** Revokes the key with exactly this public prefix; false when there is none. */
    boolean revoke(String prefix);

    /** A newly created key; {@code rawKey} is shown to its owner once and never stored. */
    record IssuedKey(String rawKey, KeySummary summary) {}

    /** What may be shown about a key: never the key itself. */
    record KeySummary(
            String prefix,
            String userId,
            String userName,
            String plan,
            boolean admin,
            Instant createdAt,
            Optional<Instant> revokedAt) {}
}
