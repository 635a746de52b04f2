package dev.notebooks.platform.security;

import io.micronaut.http.HttpStatus;
import io.micronaut.problem.HttpStatusType;
import java.net.URI;
import org.zalando.problem.AbstractThrowableProblem;

/** No caller on the request, or a bearer token that names none: answered 401 as application/problem+json. */
public final class UnauthenticatedException extends AbstractThrowableProblem {

    public static final URI TYPE = URI.create("urn:notebook-platform:problem:unauthenticated");

    private UnauthenticatedException(String detail) {
        super(TYPE, "Unauthenticated", new HttpStatusType(HttpStatus.UNAUTHORIZED), detail);
    }

    /** The request names no caller; {@code detail} says which identities it could have carried. */
    static UnauthenticatedException noCaller(String detail) {
        return new UnauthenticatedException(detail);
    }

    /** A bearer token was presented and refused; {@code reason} never holds the token. */
    static UnauthenticatedException invalidToken(String reason) {
        return new UnauthenticatedException(reason);
    }
}
