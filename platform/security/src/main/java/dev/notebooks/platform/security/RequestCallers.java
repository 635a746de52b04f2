package dev.notebooks.platform.security;

import io.micronaut.http.HttpRequest;
import java.util.Optional;

/**
 * The caller of a request on a path where one is optional (such as auth-service's self-registration), as
 * {@link CallerFilter} found it. Routes that always need a caller declare a {@link Caller} parameter instead.
 */
public final class RequestCallers {

    private RequestCallers() {}

    /**
     * @return the request's caller, empty when it names none
     * @throws UnauthenticatedException when the request carried a bearer token that did not verify: a refused token
     *     never counts as no caller at all
     */
    public static Optional<Caller> find(HttpRequest<?> request) {
        Optional<UnauthenticatedException> refusal =
                request.getAttribute(CallerFilter.REFUSAL_ATTRIBUTE, UnauthenticatedException.class);
        if (refusal.isPresent()) {
            throw refusal.get();
        }
        return identified(request);
    }

    /** @return who the request was identified as (by the gateway's header or a verified token); empty otherwise */
    public static Optional<Caller> identified(HttpRequest<?> request) {
        return request.getAttribute(CallerFilter.CALLER_ATTRIBUTE, Caller.class);
    }
}
