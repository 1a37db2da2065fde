package dev.reapi.sandbox;

/** The root of the sandbox's failures: a start that cannot bind, an unreadable resource. */
public class SandboxException extends RuntimeException {
    private static final long serialVersionUID = 1L;

    public SandboxException(String message) {
        super(message);
    }

    public SandboxException(String message, Throwable cause) {
        super(message, cause);
    }
}
