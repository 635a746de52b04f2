package dev.notebooks.platform.web;

import io.micronaut.problem.violations.Violation;
import java.util.ArrayList;
import java.util.List;

/** What is wrong with a request, field by field, collected so one answer names every fault. */
public final class Violations {

    private final List<Violation> violations = new ArrayList<>();

    public void add(String field, String message) {
        violations.add(new Violation(field, message));
    }

    /** @throws org.zalando.problem.ThrowableProblem 422 naming every field at fault, if there is one */
    public void throwIfAny() {
        if (!violations.isEmpty()) {
            throw ApiProblems.invalid(List.copyOf(violations));
        }
    }
}
