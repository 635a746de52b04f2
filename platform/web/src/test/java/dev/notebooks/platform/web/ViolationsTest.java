package dev.notebooks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.assertj.core.groups.Tuple.tuple;

import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import org.junit.jupiter.api.Test;

class ViolationsTest {

    @Test
    void nothingIsThrownWhileThereIsNoFault() {
        assertThatCode(new Violations()::throwIfAny).doesNotThrowAnyException();
    }

    @Test
    void oneInvalidRequestProblemNamesEveryFaultInOrder() {
        Violations violations = new Violations();
        violations.add("name", "is required");
        violations.add("spec.size", "must be a string");

        ConstraintViolationThrowableProblem problem =
                catchThrowableOfType(ConstraintViolationThrowableProblem.class, violations::throwIfAny);

        assertThat(problem.getType()).isEqualTo(ApiProblems.INVALID);
        assertThat(problem.getStatus().getStatusCode()).isEqualTo(422);
        assertThat(problem.getViolations())
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactly(tuple("name", "is required"), tuple("spec.size", "must be a string"));
    }
}
