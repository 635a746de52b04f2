package dev.notebooks.platform.web;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.problem.violations.ConstraintViolationThrowableProblem;
import io.micronaut.problem.violations.Violation;
import java.net.URI;
import java.util.List;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/** The RFC 7807 problems the services answer with, each with its own {@code type}. */
public final class ApiProblems {

    public static final URI NOT_FOUND = URI.create("urn:notebook-platform:problem:not-found");
    public static final URI CONFLICT = URI.create("urn:notebook-platform:problem:conflict");
    public static final URI INVALID = URI.create("urn:notebook-platform:problem:invalid-request");
    // the same type as platform-security's ForbiddenException, which this module does not depend on
    public static final URI FORBIDDEN = URI.create("urn:notebook-platform:problem:forbidden");
    public static final URI KUBERNETES_UNAVAILABLE = URI.create("urn:notebook-platform:problem:kubernetes-unavailable");
    public static final URI TOO_MANY_ATTEMPTS = URI.create("urn:notebook-platform:problem:too-many-attempts");

    private ApiProblems() {}

    public static ThrowableProblem notFound(String detail) {
        return problem(NOT_FOUND, "Not Found", HttpStatus.NOT_FOUND, detail);
    }

    /** The request contradicts what exists: a name taken, a contributor already added. */
    public static ThrowableProblem conflict(String detail) {
        return problem(CONFLICT, "Conflict", HttpStatus.CONFLICT, detail);
    }

    /** A conflict about one field of the request (a duplicate image, an image in use), named as a violation. */
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

    /** Same {@code type} as the platform's 403, for refusals a service decides itself. */
    public static ThrowableProblem forbidden(String detail) {
        return problem(FORBIDDEN, "Forbidden", HttpStatus.FORBIDDEN, detail);
    }

    public static ThrowableProblem kubernetesUnavailable(String detail) {
        return problem(KUBERNETES_UNAVAILABLE, "Kubernetes API Unavailable", HttpStatus.BAD_GATEWAY, detail);
    }

    /** 429; the caller's handler adds {@code Retry-After}. The detail must never carry a secret. */
    public static ThrowableProblem tooManyAttempts(String detail) {
        return problem(TOO_MANY_ATTEMPTS, "Too Many Attempts", HttpStatus.TOO_MANY_REQUESTS, detail);
    }

    /** A problem of this platform's own {@code type}, for a service-specific answer such as a 409 not-ready. */
    public static ThrowableProblem problem(URI type, String title, HttpStatus status, String detail) {
        return Problem.builder()
                .withType(type)
                .withTitle(title)
                .withStatus(new HttpStatusType(status))
                .withDetail(detail)
                .build();
    }
}
