package dev.reapi.gateway.domain.user;

import java.util.Objects;

/**
 * Who is calling: the user behind an authenticated API key.
 *
 * @param userId stable id of the user
 * @param userName the name the user was created with
 * @param plan the plan the user is on
 * @param admin whether the key may use admin routes
 * @param keyPrefix the public prefix of the key used, safe to log
 */
public record Principal(
        String userId, String userName, Plan plan, boolean admin, String keyPrefix) {

    public Principal {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(userName, "userName");
        Objects.requireNonNull(plan, "plan");
        Objects.requireNonNull(keyPrefix, "keyPrefix");
    }
}
