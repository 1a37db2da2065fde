package dev.reapi.cli;

import java.io.PrintWriter;

/** Turns a failure into the one line a user needs; the stack trace only on request. */
final class CliErrors {

    static final String DEBUG_VARIABLE = "REAPI_DEBUG";

    private CliErrors() {}

    /** Prints {@code reapi: <message>} (and the trace when REAPI_DEBUG is set); returns 1. */
    static int report(Throwable error, PrintWriter err) {
        err.println("reapi: " + describe(error));
        if (System.getenv(DEBUG_VARIABLE) != null) {
            error.printStackTrace(err);
        } else if (!(error instanceof UserError)) {
            err.println("(set " + DEBUG_VARIABLE + "=1 to see the stack trace)");
        }
        err.flush();
        return 1;
    }

    /** The message of the error, or of the first cause that has one. */
    static String describe(Throwable error) {
        for (Throwable t = error; t != null; t = t.getCause()) {
            String message = t.getMessage();
            if (message != null && !message.isBlank()) {
                return message.lines().findFirst().orElse(message);
            }
        }
        return error.getClass().getSimpleName();
    }

    /** A failure caused by what the user asked for, fully explained by its message. */
    static final class UserError extends RuntimeException {
        private static final long serialVersionUID = 1L;

        UserError(String message) {
            super(message);
        }
    }
}
