package dev.reapi.client.testing;

import dev.reapi.client.RealEstateApiClient;
import dev.reapi.client.RealEstateApiClientBuilder;
import dev.reapi.client.model.Property;
import dev.reapi.sandbox.Sandbox;
import dev.reapi.sandbox.SandboxOptions;
import java.time.Instant;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * One in-process sandbox for the whole test run, on a hand-driven clock shared with the clients.
 * Test classes run one after another and reset faults and counters before each test, so sharing it
 * only saves the start-up of a sandbox per class.
 */
public final class SandboxFixture implements AutoCloseable {

    private static @Nullable SandboxFixture shared;

    /** The sandbox's only API key; tests check it never reaches a log line. */
    public static final String API_KEY = "sk-live-DO-NOT-LOG-7f3a9c";

    /** Start of the shared clock. */
    public static final Instant START = Instant.parse("2026-12-01T10:00:00Z");

    private final MutableClock clock = new MutableClock(START);
    private final Sandbox sandbox;

    /** The run's sandbox, started on first use and closed when the JVM exits. */
    public static synchronized SandboxFixture shared() {
        SandboxFixture fixture = shared;
        if (fixture == null) {
            fixture = new SandboxFixture();
            Runtime.getRuntime().addShutdownHook(new Thread(fixture::close, "sandbox-fixture"));
            shared = fixture;
        }
        return fixture;
    }

    /** Starts a sandbox of 5,000 properties on a free port. */
    private SandboxFixture() {
        this.sandbox =
                Sandbox.start(
                        SandboxOptions.defaults()
                                .withPort(0)
                                .withProperties(5_000)
                                .withApiKeys(Set.of(API_KEY))
                                .withClock(clock));
    }

    /** The running sandbox. */
    public Sandbox sandbox() {
        return sandbox;
    }

    /** The clock the sandbox reads, to share with the client. */
    public MutableClock clock() {
        return clock;
    }

    /** A client builder for this sandbox: its API key, its address and its clock. */
    public RealEstateApiClientBuilder clientBuilder() {
        return RealEstateApiClient.builder()
                .apiKey(API_KEY)
                .baseUrl(sandbox.baseUrl())
                .clock(clock);
    }

    /** Clears faults and counters between tests. */
    public void reset() {
        sandbox.resetFaults();
        sandbox.resetStats();
    }

    /** The sandbox id of property {@code n} (1-based). */
    public static String id(long n) {
        return String.format("P%09d", n);
    }

    /** A copy of {@code property} under an id the sandbox does not know. */
    public static Property withUnknownId(Property property) {
        return new Property(
                "P999999999",
                property.address(),
                property.coordinates(),
                property.propertyType(),
                property.status(),
                property.price(),
                property.beds(),
                property.baths(),
                property.livingAreaSqft(),
                property.lotSizeSqft(),
                property.yearBuilt(),
                property.listingDate(),
                property.daysOnMarket(),
                property.lastSale(),
                property.taxAssessment(),
                property.updatedAt());
    }

    @Override
    public void close() {
        sandbox.close();
    }
}
