package dev.reapi.gateway.config;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiException;
import dev.reapi.client.UnauthorizedException;
import dev.reapi.client.model.KeyInfo;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the upstream key's info at start-up on the v2 API (v1 has none): logs the key type, limits
 * and scopes, and warns once for each scope the gateway uses but the key lacks, naming the features
 * that will fail without it. A rejected key stops start-up; any other failure (upstream down) is a
 * warning, so that the gateway still starts and serves from its cache and replica.
 */
final class UpstreamKeyCheck {

    private static final Logger LOG = LoggerFactory.getLogger(UpstreamKeyCheck.class);

    /**
     * The v2 scopes the gateway calls, in the client's order, each with the gateway features that
     * need it. PropertyAvmBulk and PropertyComps are not used by the gateway.
     */
    static final Map<String, String> GATEWAY_SCOPES = gatewayScopes();

    private UpstreamKeyCheck() {}

    private static Map<String, String> gatewayScopes() {
        Map<String, String> scopes = new LinkedHashMap<>();
        scopes.put("PropertySearch", "property search and the search and export jobs");
        scopes.put(
                "PropertyDetail",
                "demographics and schools (read from the detail), and property details when"
                        + " cache.batch.enabled is false");
        scopes.put(
                "PropertyDetailBulk",
                "property details, enrich and refresh jobs, incremental sync of watched"
                        + " properties");
        scopes.put(
                "PropertyAvm",
                "valuations by id and by address, the valuation of enriched answers and jobs");
        scopes.put("ChangeFiles", "batch sync from the daily change files");
        return Collections.unmodifiableMap(scopes);
    }

    /**
     * Checks {@code client}'s key when it speaks v2; does nothing on v1.
     *
     * @throws StartupException when the upstream rejects the key (401)
     */
    static void run(RealEstateApiClient client) {
        if (client.provider() != Provider.V2) {
            return;
        }
        KeyInfo info;
        try {
            info = client.keyInfo();
        } catch (UnauthorizedException e) {
            throw new StartupException(
                    "the upstream rejected the API key in REALESTATEAPI_KEY (401 on key info);"
                            + " check the key",
                    e);
        } catch (RealEstateApiException e) {
            LOG.warn(
                    "Could not read the upstream key's info ({}, status {}); starting without"
                            + " checking its scopes",
                    e.getClass().getSimpleName(),
                    e.status());
            return;
        }
        LOG.info(
                "Upstream v2 key: {} key, rate limit {}, daily quota {}, scopes {}",
                info.keyType(),
                info.requestsPerSecond() == null
                        ? "unlimited"
                        : info.requestsPerSecond() + " requests/s",
                info.recordsPerDay() == null ? "unlimited" : info.recordsPerDay() + " records",
                String.join(", ", info.scopes()));
        List<String> missing = info.missingScopes(GATEWAY_SCOPES.keySet());
        if (missing.isEmpty()) {
            LOG.info("{}", info.scopeReport(List.copyOf(GATEWAY_SCOPES.keySet())));
        }
        for (String scope : missing) {
            LOG.warn(
                    "Upstream API key lacks scope {}: {} will fail (503 upstream-scope-missing)"
                            + " until the key's plan grants it",
                    scope,
                    GATEWAY_SCOPES.get(scope));
        }
    }
}
