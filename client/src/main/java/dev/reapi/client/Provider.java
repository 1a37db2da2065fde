package dev.reapi.client;

/**
 * Which generation of the upstream API a client speaks. Both return the same model types; what
 * differs is described in the client guide (docs/client.md, "Providers").
 */
public enum Provider {

    /** The REST API under {@code /v1}: cursor paging, an updated feed, area lookups by point. */
    V1,

    /**
     * The API under {@code /v2}: JSON bodies in an envelope, offset paging, demographics and
     * schools inside the property detail, daily change files instead of an updated feed,
     * comparables and key info.
     */
    V2
}
