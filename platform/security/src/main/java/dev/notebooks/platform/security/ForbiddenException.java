package dev.notebooks.platform.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import java.net.URI;
import org.zalando.problem.AbstractThrowableProblem;

/** The caller's role does not allow the action: answered 403 as application/problem+json. */
public final class ForbiddenException extends AbstractThrowableProblem {

    public static final URI TYPE = URI.create("urn:notebook-platform:problem:forbidden");

    ForbiddenException(String detail) {
        super(TYPE, "Forbidden", new HttpStatusType(HttpStatus.FORBIDDEN), detail);
    }
}
