package org.parley.platform;

import java.util.List;

/**
 * Input that breaks a rule the bean validation annotations cannot express (a cycle, a date order,
 * a reference to another process). Carries one message code per field, resolved in the reader's
 * language at the edge; answered with 400.
 */
public class InvalidInputException extends RuntimeException {

    public record FieldProblem(String field, String code, Object... args) {
    }

    private final List<FieldProblem> problems;

    public InvalidInputException(String field, String code, Object... args) {
        this(List.of(new FieldProblem(field, code, args)));
    }

    public InvalidInputException(List<FieldProblem> problems) {
        super(problems.stream().map(p -> p.field() + ": " + p.code()).reduce((a, b) -> a + "; " + b).orElse("invalid input"));
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
