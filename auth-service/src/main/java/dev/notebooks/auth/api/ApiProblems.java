package dev.notebooks.auth.api;

import dev.notebooks.platform.security.ForbiddenException;
import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.net.URI;
import java.util.List;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * The RFC 7807 problems this service answers with, each with its own {@code type} (copied from profile-service's,
 * plus 429). No detail ever carries a password or a hash.
 */
public final class ApiProblems {

    public static final URI NOT_FOUND = URI.create("urn:notebook-platform:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:notebook-platform:problem:conflict");
    public static final URI INVALID = URI.create("urn:notebook-platform:problem:invalid-request");
    public static final URI KUBERNETES_UNAVAILABLE = URI.create("urn:notebook-platform:problem:kubernetes-unavailable");
    public static final URI TOO_MANY_ATTEMPTS = URI.create("urn:notebook-platform:problem:too-many-attempts");

    private ApiProblems() {}

    public static ThrowableProblem notFound(String detail) {
        return problem(NOT_FOUND, "Not Found", HttpStatus.NOT_FOUND, detail);
    }

    public static ThrowableProblem conflict(String detail) {
        return problem(CONFLICT, "Conflict", HttpStatus.CONFLICT, detail);
    }

    /** Every field at fault, each with what is wrong with it. */
    public static ThrowableProblem invalid(List<Violation> violations) {
        return new ConstraintViolationThrowableProblem(
                INVALID, new HttpStatusType(HttpStatus.UNPROCESSABLE_ENTITY), violations);
    }

    public static ThrowableProblem invalid(String field, String message) {
        return invalid(List.of(new Violation(field, message)));
    }

    /** Same {@code type} as the platform's 403, for refusals this service decides itself. */
    public static ThrowableProblem forbidden(String detail) {
        return problem(ForbiddenException.TYPE, "Forbidden", HttpStatus.FORBIDDEN, detail);
    }

    public static ThrowableProblem kubernetesUnavailable(String detail) {
        return problem(KUBERNETES_UNAVAILABLE, "Kubernetes API Unavailable", HttpStatus.BAD_GATEWAY, detail);
    }

    /** Too many failed password checks; the response also carries {@code Retry-After}. */
    public static ThrowableProblem tooManyAttempts(long retryAfterSeconds) {
        return problem(
                TOO_MANY_ATTEMPTS,
                "Too Many Attempts",
                HttpStatus.TOO_MANY_REQUESTS,
                "Too many failed password checks; try again in " + retryAfterSeconds + " seconds.");
    }

    private static ThrowableProblem problem(URI type, String title, HttpStatus status, String detail) {
        return Problem.builder()
                .withType(type)
                .withTitle(title)
                .withStatus(new HttpStatusType(status))
                .withDetail(detail)
                .build();
    }
}
