package dev.notebooks.platform.security;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.server.util.HttpClientAddressResolver;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Reads the caller from a Dex ID token (when {@link DexTokenConfiguration#isEnabled() on}) or from the trusted header,
 * which the gateway in front of the service sets after authenticating the user. {@link DexTokenConfiguration} says how
 * the two combine.
 */
@Singleton
class CallerResolver {

    private static final Logger LOG = LoggerFactory.getLogger(CallerResolver.class);
    private static final String BEARER_SCHEME = "bearer";

    private final SecurityConfiguration configuration;
    private final DexTokenConfiguration tokens;
    private final DexTokenVerifier verifier;
    private final HttpClientAddressResolver addressResolver;

    CallerResolver(
            SecurityConfiguration configuration,
            DexTokenConfiguration tokens,
            @Nullable DexTokenVerifier verifier,
            HttpClientAddressResolver addressResolver) {
        this.configuration = configuration;
        this.tokens = tokens;
        this.verifier = verifier;
        this.addressResolver = addressResolver;
    }

    /**
     * @return the caller the request names, empty when it names none
     * @throws UnauthenticatedException when the request carries a bearer token that does not verify
     */
    Optional<Caller> resolve(HttpRequest<?> request) {
        if (verifier == null) {
            return fromHeader(request);
        }
        Optional<String> token = bearerToken(request);
        if (token.isPresent()) {
            return Optional.of(fromToken(token.get(), request));
        }
        return tokens.isHeaderFallback() ? fromHeader(request) : Optional.empty();
    }

    /** @return whether Dex tokens are on, so that a 401 may ask for one */
    boolean acceptsTokens() {
        return verifier != null;
    }

    /** @return the 401 for a request that names no caller, saying which identities would do */
    UnauthenticatedException noCaller() {
        String header = configuration.getUseridHeader();
        if (verifier == null) {
            return UnauthenticatedException.noCaller(
                    "The request carries no user: the " + header + " header is missing or empty.");
        }
        if (tokens.isHeaderFallback()) {
            return UnauthenticatedException.noCaller("The request carries no user: no Dex ID token "
                    + "(Authorization: Bearer), and the " + header + " header is missing or empty.");
        }
        return UnauthenticatedException.noCaller(
                "The request carries no user: send a Dex ID token as Authorization: Bearer.");
    }

    private Caller fromToken(String token, HttpRequest<?> request) {
        try {
            VerifiedToken verified = verifier.verify(token);
            return new Caller(verified.email(), isAdmin(verified), addressResolver.resolve(request), verified.groups());
        } catch (TokenRejectedException e) {
            LOG.debug(
                    "Refused a bearer token on {} {}: {}", request.getMethodName(), request.getPath(), e.getMessage());
            throw UnauthenticatedException.invalidToken(e.getMessage());
        }
    }

    private boolean isAdmin(VerifiedToken token) {
        List<String> adminGroups = tokens.getAdminGroups();
        return configuration.getClusterAdmins().contains(token.email())
                || token.groups().stream().anyMatch(adminGroups::contains);
    }

    private Optional<Caller> fromHeader(HttpRequest<?> request) {
        return request.getHeaders()
                .findFirst(configuration.getUseridHeader())
                .map(this::stripPrefix)
                .map(String::trim)
                .filter(user -> !user.isEmpty())
                .map(user -> new Caller(
                        user, configuration.getClusterAdmins().contains(user), addressResolver.resolve(request)));
    }

    private String stripPrefix(String value) {
        String prefix = configuration.getUseridPrefix();
        return !prefix.isEmpty() && value.startsWith(prefix) ? value.substring(prefix.length()) : value;
    }

    /** The credentials of an {@code Authorization: Bearer} header (possibly empty); other schemes are not ours. */
    private static Optional<String> bearerToken(HttpRequest<?> request) {
        return request.getHeaders().getAuthorization().map(String::trim).flatMap(value -> {
            int space = value.indexOf(' ');
            String scheme = space < 0 ? value : value.substring(0, space);
            return scheme.equalsIgnoreCase(BEARER_SCHEME)
                    ? Optional.of(space < 0 ? "" : value.substring(space + 1).trim())
                    : Optional.empty();
        });
    }
}
