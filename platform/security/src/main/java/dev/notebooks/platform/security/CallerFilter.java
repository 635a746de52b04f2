package dev.notebooks.platform.security;

import io.micronaut.core.util.PathMatcher;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * Answers 401 to requests under the protected paths that carry no caller, and keeps the caller of the others
 * on the request for {@link CallerArgumentBinder}. Paths outside (health, metrics, OpenAPI) stay open.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
class CallerFilter {

    static final String CALLER_ATTRIBUTE = Caller.class.getName();

    private final SecurityConfiguration configuration;
    private final CallerResolver resolver;

    CallerFilter(SecurityConfiguration configuration, CallerResolver resolver) {
        this.configuration = configuration;
        this.resolver = resolver;
    }

    @RequestFilter
    void identifyCaller(HttpRequest<?> request) {
        resolver.resolve(request).ifPresentOrElse(caller -> request.setAttribute(CALLER_ATTRIBUTE, caller), () -> {
            if (isProtected(request.getPath())) {
                throw new UnauthenticatedException(configuration.getUseridHeader());
            }
        });
    }

    private boolean isProtected(String path) {
        return configuration.getProtectedPaths().stream().anyMatch(pattern -> PathMatcher.ANT.matches(pattern, path));
    }
}
