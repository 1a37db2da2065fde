package dev.reapi.gateway.domain.user;

import dev.reapi.gateway.domain.GatewayException;

/** A plan name that the configuration does not define was asked for. */
public final class UnknownPlanException extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final String planName;

    /** The plan {@code planName} is not configured. */
    public UnknownPlanException(String planName) {
        super("unknown plan '" + planName + "': it is not defined in the configuration");
        this.planName = planName;
    }

    /** The name that was asked for. */
    public String planName() {
        return planName;
    }
}
