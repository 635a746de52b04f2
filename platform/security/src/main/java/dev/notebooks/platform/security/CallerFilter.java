package dev.notebooks.platform.security;

import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import java.util.Optional;

/**
 * Answers 401 to requests under the protected paths that carry no caller or a bearer token that does not verify, and
 * keeps the caller of the others on the request for {@link CallerArgumentBinder} and {@link RequestCallers}. Paths
 * outside (health, metrics, OpenAPI) stay open; there a refused token is kept too, so that a route that reads the caller
 * refuses it.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CallerFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();
    static final String REFUSAL_ATTRIBUTE = UnauthenticatedException.class.getName();

    private final SecurityConfiguration configuration;
    private final CallerResolver resolver;

    CallerFilter(SecurityConfiguration configuration, CallerResolver resolver) {
        this.configuration = configuration;
        this.resolver = resolver;
    }

    @RequestFilter
    void identifyCaller(HttpRequest<?> request) {
        Optional<Caller> caller;
        try {
            caller = resolver.resolve(request);
        } catch (UnauthenticatedException refused) {
            request.setAttribute(REFUSAL_ATTRIBUTE, refused);
            if (isProtected(request.getPath())) {
                throw refused;
            }
            return;
        }
        caller.ifPresentOrElse(found -> request.setAttribute(CALLER_ATTRIBUTE, found), () -> {
            if (isProtected(request.getPath())) {
                throw resolver.noCaller();
            }
        });
    }

    private boolean isProtected(String path) {
        return configuration.getProtectedPaths().stream().anyMatch(pattern -> PathMatcher.ANT.matches(pattern, path));
    }
}
