package dev.reapi.gateway.application.port.out;

/**
 * A budget of upstream calls per second reserved for background work, set below the vendor's limit
 * so that interactive requests keep the rest. Implementations are thread-safe.
 */
public interface UpstreamThrottle {

    /**
     * Blocks until {@code calls} upstream calls may be made.
     *
     * @throws InterruptedException when the waiting thread is interrupted
     */
    void acquire(int calls) throws InterruptedException;
}
