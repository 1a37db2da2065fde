package dev.reapi.sandbox.http;

import dev.reapi.sandbox.MarketChange;
import java.util.List;

/** What the control routes ask of the sandbox beyond data and counters. */
public interface ControlPort {
    /** Applies {@code count} market changes now. */
    List<MarketChange> tick(int count);

    /** Registers a webhook endpoint; returns its id. */
    String registerWebhook(String url, String secret);
}
