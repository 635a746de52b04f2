package dev.notebooks.platform.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import java.net.URI;
import org.zalando.problem.AbstractThrowableProblem;

/** No caller on the request: answered 401 as application/problem+json. */
public final class UnauthenticatedException extends AbstractThrowableProblem {

    public static final URI TYPE = URI.create("urn:notebook-platform:problem:unauthenticated");

    UnauthenticatedException(String useridHeader) {
        super(
                TYPE,
                "Unauthenticated",
                new HttpStatusType(HttpStatus.UNAUTHORIZED),
                "The request carries no user: the " + useridHeader + " header is missing or empty.");
    }
}
