package dev.reapi.gateway.testing;

import dev.reapi.client.Provider;
import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiClientBuilder;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.StatsSnapshot;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * What a sandbox-backed test needs to run once per upstream {@link Provider}: the gateway's
 * environment, a client, and the sandbox's counters read the same way on both APIs.
 */
public final class SandboxProviders {

    private SandboxProviders() {}

    /**
     * The environment of a gateway on {@code 127.0.0.1}, any free port, whose upstream is {@code
     * sandbox} spoken through {@code provider} with {@code key}; add the database and the rest.
     */
    public static Map<String, String> gatewayEnv(Provider provider, Sandbox sandbox, String key) {
        Map<String, String> env = new HashMap<>();
        env.put("REALESTATEAPI_KEY", key);
        env.put("REALESTATEAPI_BASE_URL", sandbox.baseUrl());
        env.put("REALESTATEAPI_PROVIDER", provider.name().toLowerCase(Locale.ROOT));
        env.put("REAPI_HOST", "127.0.0.1");
        env.put("REAPI_PORT", "0");
        return env;
    }

    /** A client builder for {@code sandbox} speaking {@code provider} with {@code key}. */
    public static RealEstateApiClientBuilder client(
            Provider provider, Sandbox sandbox, String key) {
        return RealEstateApiClient.builder()
                .provider(provider)
                .apiKey(key)
                .baseUrl(sandbox.baseUrl());
    }

    /** The sandbox's counter name of an operation: {@code v1} on v1, {@code v2.<v2>} on v2. */
    public static String op(Provider provider, String v1, String v2) {
        return provider == Provider.V1 ? v1 : "v2." + v2;
    }

    /**
     * Requests for data, which the gateway's usage ledger counts: all of them but v2 key info,
     * which the gateway asks for at start-up and in its health probe and which bills nothing.
     */
    public static long dataRequests(StatsSnapshot stats) {
        return stats.requestsTotal() - stats.requests("v2.KeyInfo");
    }
}
