package dev.reapi.gateway.application.job;

import dev.reapi.gateway.domain.GatewayException;
import java.util.List;

/** A job submission was rejected before anything was stored; one entry per invalid field. */
public final class InvalidJobRequest extends GatewayException {

    private static final long serialVersionUID = 1L;

    private final transient List<FieldProblem> problems;

    /** Rejects a submission for {@code problems} (at least one). */
    public InvalidJobRequest(List<FieldProblem> problems) {
        super(
                "invalid job request: "
                        + problems.stream().map(p -> p.field() + " " + p.message()).toList());
        if (problems.isEmpty()) {
            throw new IllegalArgumentException("problems must not be empty");
        }
        this.problems = List.copyOf(problems);
    }

    /** The invalid fields. */
    public List<FieldProblem> problems() {
        return problems;
    }

    /**
     * One invalid field.
     *
     * @param field the JSON path, e.g. {@code params.ids}
     * @param message what is wrong with it
     */
    public record FieldProblem(String field, String message) {}
}
