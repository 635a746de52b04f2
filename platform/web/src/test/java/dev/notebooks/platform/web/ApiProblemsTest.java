package dev.notebooks.platform.web;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.groups.Tuple.tuple;

import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.zalando.problem.ThrowableProblem;

class ApiProblemsTest {

    @Test
    void eachProblemHasTheTypeAndStatusTheServicesAnswerWith() {
        assertProblem(ApiProblems.notFound("d"), "not-found", 404, "Not Found");
        assertProblem(ApiProblems.conflict("d"), "conflict", 409, "Conflict");
        assertProblem(ApiProblems.forbidden("d"), "forbidden", 403, "Forbidden");
        assertProblem(
                ApiProblems.kubernetesUnavailable("d"), "kubernetes-unavailable", 502, "Kubernetes API Unavailable");
        assertProblem(ApiProblems.tooManyAttempts("d"), "too-many-attempts", 429, "Too Many Attempts");
    }

    @Test
    void anInvalidRequestNamesTheField() {
        ThrowableProblem problem = ApiProblems.invalid("cursor", "is not a cursor this service returned");

        assertThat(problem.getType()).isEqualTo(URI.create("urn:notebook-platform:problem:invalid-request"));
        assertThat(problem.getStatus().getStatusCode()).isEqualTo(422);
        assertThat(((ConstraintViolationThrowableProblem) problem).getViolations())
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactly(tuple("cursor", "is not a cursor this service returned"));
    }

    @Test
    void aConflictAboutAFieldNamesIt() {
        ThrowableProblem problem = ApiProblems.conflict("image", "is already in the catalog");

        assertThat(problem.getType()).isEqualTo(ApiProblems.CONFLICT);
        assertThat(problem.getStatus().getStatusCode()).isEqualTo(409);
        assertThat(((ConstraintViolationThrowableProblem) problem).getViolations())
                .extracting(Violation::getField, Violation::getMessage)
                .containsExactly(tuple("image", "is already in the catalog"));
    }

    private static void assertProblem(ThrowableProblem problem, String type, int status, String title) {
        assertThat(problem.getType()).isEqualTo(URI.create("urn:notebook-platform:problem:" + type));
        assertThat(problem.getStatus().getStatusCode()).isEqualTo(status);
        assertThat(problem.getTitle()).isEqualTo(title);
        assertThat(problem.getDetail()).isEqualTo("d");
    }
}
