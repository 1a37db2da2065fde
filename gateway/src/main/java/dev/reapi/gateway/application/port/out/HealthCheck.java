package dev.reapi.gateway.application.port.out;

/** A dependency that can say whether it is reachable. Implementations must not throw. */
public interface HealthCheck {

    /** The dependency's name in {@code /health/ready}, e.g. {@code database}. */
    String name();

    /** Whether the gateway is not ready without this dependency. */
    boolean required();

    /** Probes the dependency once, bounded in time. */
    Result check();

    /**
     * The outcome of one probe.
     *
     * @param healthy whether the probe succeeded
     * @param responseTimeMs how long the probe took
     * @param detail a short reason when unhealthy, or an empty string
     */
    record Result(boolean healthy, long responseTimeMs, String detail) {}
}
