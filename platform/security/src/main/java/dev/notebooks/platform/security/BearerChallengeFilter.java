package dev.notebooks.platform.security;

import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.MutableHttpResponse;
import io.micronaut.http.annotation.ResponseFilter;
import io.micronaut.http.annotation.ServerFilter;

/**
 * With Dex tokens on, a 401 says that a bearer token would do, and whether the one sent was refused (RFC 6750). Ahead
 * of {@link CallerFilter}, so that it also sees the 401s that filter answers.
 */
@ServerFilter(ServerFilter.MATCH_ALL_PATTERN)
@Order(Ordered.HIGHEST_PRECEDENCE)
class BearerChallengeFilter {

    static final String TOKEN_CHALLENGE = "Bearer";
    static final String INVALID_TOKEN_CHALLENGE = "Bearer error=\"invalid_token\"";

    private final CallerResolver resolver;

    BearerChallengeFilter(CallerResolver resolver) {
        this.resolver = resolver;
    }

    @ResponseFilter
    void challengeForBearerToken(HttpRequest<?> request, MutableHttpResponse<?> response) {
        if (response.code() != HttpStatus.UNAUTHORIZED.getCode() || !resolver.acceptsTokens()) {
            return;
        }
        boolean refused = request.getAttribute(CallerFilter.REFUSAL_ATTRIBUTE).isPresent();
        response.header(HttpHeaders.WWW_AUTHENTICATE, refused ? INVALID_TOKEN_CHALLENGE : TOKEN_CHALLENGE);
    }
}
