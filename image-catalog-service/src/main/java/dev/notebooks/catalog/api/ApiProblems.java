package dev.notebooks.catalog.api;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.net.URI;
import java.util.List;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/** The RFC 7807 problems this service answers with, each with its own {@code type} (as profile-service's). */
public final class ApiProblems {

    public static final URI NOT_FOUND = URI.create("urn:notebook-platform:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:notebook-platform:problem:conflict");
    public static final URI INVALID = URI.create("urn:notebook-platform:problem:invalid-request");

    private ApiProblems() {}

    public static ThrowableProblem notFound(String detail) {
        return Problem.builder()
                .withType(NOT_FOUND)
                .withTitle("Not Found")
                .withStatus(new HttpStatusType(HttpStatus.NOT_FOUND))
                .withDetail(detail)
                .build();
    }

    /** The request contradicts the catalog (a duplicate image, an image in use); names the field it is about. */
    public static ThrowableProblem conflict(String field, String message) {
        return new ConstraintViolationThrowableProblem(
                CONFLICT, new HttpStatusType(HttpStatus.CONFLICT), List.of(new Violation(field, message)));
    }

    /** Every field at fault, each with what is wrong with it. */
    public static ThrowableProblem invalid(List<Violation> violations) {
        return new ConstraintViolationThrowableProblem(
                INVALID, new HttpStatusType(HttpStatus.UNPROCESSABLE_ENTITY), violations);
    }

    public static ThrowableProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }
}
