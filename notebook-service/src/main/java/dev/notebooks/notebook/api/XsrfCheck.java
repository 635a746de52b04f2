package dev.notebooks.notebook.api;

import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.core.annotation.Order;
import io.micronaut.core.order.Ordered;
import io.micronaut.http.HttpMethod;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.RequestFilter;
import io.micronaut.http.annotation.ServerFilter;
import io.micronaut.http.cookie.Cookie;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.Set;

/**
 * JWA's CSRF rule (double submit): a request that changes something and carries cookies must carry the header
 * {@code X-XSRF-TOKEN} equal to the {@code XSRF-TOKEN} cookie, which only a page of the platform's origin can read. A
 * request without cookies (a script, another service) cannot be forged by a browser and is not affected; reads are
 * not checked, as in JWA.
 */
@ServerFilter("/api/**")
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class XsrfCheck {

    static final String COOKIE = "XSRF-TOKEN";
    static final String HEADER = "X-XSRF-TOKEN";
    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    @RequestFilter
    void check(HttpRequest<?> request) {
        if (SAFE.contains(request.getMethod()) || request.getCookies().getAll().isEmpty()) {
            return;
        }
        String cookie =
                request.getCookies().findCookie(COOKIE).map(Cookie::getValue).orElse(null);
        String header = request.getHeaders().get(HEADER);
        if (cookie == null || cookie.isEmpty() || header == null) {
            throw ApiProblems.forbidden(
                    "A request with cookies must carry the " + HEADER + " header equal to the " + COOKIE + " cookie.");
        }
        if (!MessageDigest.isEqual(cookie.getBytes(StandardCharsets.UTF_8), header.getBytes(StandardCharsets.UTF_8))) {
            throw ApiProblems.forbidden("The " + HEADER + " header does not match the " + COOKIE + " cookie.");
        }
    }
}
