package dev.reapi.gateway.application.port.out;

/**
 * Told after a replica change is committed, so that cached answers about the property can be
 * dropped. Implementations are thread-safe, quick, and never throw.
 */
public interface ChangeHook {

    /**
     * The property {@code propertyId} changed.
     *
     * @param searchesStale whether cached search pages may now be wrong beyond this property's own
     *     entries (it became sold, so it leaves every search that filters on listings)
     */
    void changed(String propertyId, boolean searchesStale);

    /** A hook that does nothing. */
    static ChangeHook none() {
        return (propertyId, searchesStale) -> {};
    }
}
