package dev.reapi.gateway.testing;

import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/** Decides what a missing external service means: a skipped test locally, a failure in CI. */
final class ServiceGate {

    private ServiceGate() {}

    /** Whether the environment variable {@code CI} is {@code true}. */
    static boolean inCi() {
        return "true".equalsIgnoreCase(System.getenv("CI"));
    }

    /** Aborts the current test with {@code message}, or fails it when running in CI. */
    static void unavailable(String message) {
        unavailable(message, inCi());
    }

    /** Aborts the current test with {@code message}, or fails it when {@code ci}. */
    static void unavailable(String message, boolean ci) {
        if (ci) {
            Assertions.fail(message + " (CI=true, so this fails instead of skipping)");
        }
        Assumptions.abort(message);
    }
}
