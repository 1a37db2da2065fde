package dev.reapi.gateway.application.port.out;

import dev.reapi.gateway.domain.watch.Watch;
import java.util.List;
import java.util.Optional;

/**
 * Users' watches and the saved searches' membership. Every read and delete is scoped to one user:
 * another user's watch is indistinguishable from a missing one. Implementations are thread-safe.
 */
public interface Watches {

    /**
     * Stores new watches in one transaction. A property the user already watches keeps its existing
     * watch, which is returned in its place. A saved search starts with every replicated property
     * that matches it as a member, so that only later arrivals count as entering it.
     *
     * @return the stored watches, in the order given
     */
    List<Watch> add(List<Watch> watches);

    /** How many watches the user has. */
    int count(String userId);

    /** How many saved searches the user has. */
    int countSearches(String userId);

    /** The user's watch {@code watchId}, if it exists and is theirs. */
    Optional<Watch> find(String userId, String watchId);

    /**
     * Up to {@code limit} of the user's watches with an id above {@code afterId}, ordered by id
     * (which orders them by creation).
     */
    List<Watch> list(String userId, Optional<String> afterId, int limit);

    /**
     * Deletes the user's watch and its membership rows.
     *
     * @return whether it existed and was theirs
     */
    boolean delete(String userId, String watchId);
}
