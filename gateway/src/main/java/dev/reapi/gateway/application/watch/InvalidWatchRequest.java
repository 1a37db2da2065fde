package dev.reapi.gateway.application.watch;

import dev.reapi.gateway.domain.GatewayException;
import java.util.List;

/** A watch request was rejected before anything was stored; one entry per invalid field. */
public final class InvalidWatchRequest extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    /** Rejects a request for {@code problems} (at least one). */
    public InvalidWatchRequest(List<FieldProblem> problems) {
        super(
                "invalid watch request: "
                        + problems.stream().map(p -> p.field() + " " + p.message()).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** Rejects a request for one invalid field. */
    static InvalidWatchRequest of(String field, String message) {
        return new InvalidWatchRequest(List.of(new FieldProblem(field, message)));
    }

    /** The invalid fields. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * One invalid field.
     *
     * @param field the JSON path, e.g. {@code property_ids[2]}
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {}
}
