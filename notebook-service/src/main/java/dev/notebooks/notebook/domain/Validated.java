package dev.notebooks.notebook.domain;

import java.util.List;

/** A request turned into its result, or every violation found in it. */
public sealed interface Validated<T> {

    record Valid<T>(T value) implements Validated<T> {}

    record Invalid<T>(List<Violation> violations) implements Validated<T> {
        public Invalid {
            violations = List.copyOf(violations);
        }
    }

    static <T> Validated<T> of(T value, List<Violation> violations) {
        return violations.isEmpty() ? new Valid<>(value) : new Invalid<>(violations);
    }

    default boolean isValid() {
        return this instanceof Valid;
    }

    /** @throws IllegalStateException when invalid; for tests and callers that checked */
    default T value() {
        if (this instanceof Valid<T> valid) {
            return valid.value();
        }
        throw new IllegalStateException("invalid: " + violations());
    }

    default List<Violation> violations() {
        return this instanceof Invalid<T> invalid ? invalid.violations() : List.of();
    }
}
