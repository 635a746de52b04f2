package dev.notebooks.auth.domain;

import java.util.List;

/** The input broke a rule: a 422 naming each field. The messages never contain a password. */
public class InvalidAccountException extends RuntimeException {

    private final transient List<Violation> violations;

    public InvalidAccountException(List<Violation> violations) {
        super(violations.stream()
                .map(v -> v.field() + ": " + v.message())
                .reduce((a, b) -> a + "; " + b)
                .orElse(""));
        this.violations = List.copyOf(violations);
    }

    public InvalidAccountException(String field, String message) {
        this(List.of(new Violation(field, message)));
    }

    public List<Violation> violations() {
        return violations;
    }
}
