package dev.notebooks.platform.security;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.KeySourceException;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.jwk.source.JWKSourceBuilder;
import com.nimbusds.jose.jwk.source.RateLimitReachedException;
import com.nimbusds.jose.proc.BadJOSEException;
import com.nimbusds.jose.proc.JWSVerificationKeySelector;
import com.nimbusds.jose.proc.SecurityContext;
import com.nimbusds.jose.util.DefaultResourceRetriever;
import com.nimbusds.jwt.EncryptedJWT;
import com.nimbusds.jwt.JWT;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.JWTParser;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import com.nimbusds.jwt.proc.DefaultJWTProcessor;
import io.micronaut.context.annotation.Context;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.exceptions.ConfigurationException;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Inject;
import java.io.Closeable;
import java.io.IOException;
import java.net.MalformedURLException;
import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Verifies a Dex ID token ({@link DexTokenConfiguration} says what is checked) and reads its user and groups. Keys come
 * from Dex's JWKS over HTTP, cached, fetched again for an unknown key id at a limited rate. A fetch blocks the request
 * that needs it for at most {@link DexTokenConfiguration#getJwksTimeout()} twice; it happens once per cache period and
 * on key rotation.
 */
// created with the context, so that a service with tokens on but no issuer or audience fails at start, not per request
@Context
@Requires(property = DexTokenConfiguration.PREFIX + ".enabled", value = "true")
class DexTokenVerifier {

    private static final Logger LOG = LoggerFactory.getLogger(DexTokenVerifier.class);

    /** Asymmetric signatures only: HMAC would let anyone holding the client secret mint tokens. */
    static final Set<JWSAlgorithm> ACCEPTED_ALGORITHMS =
            Set.copyOf(union(JWSAlgorithm.Family.RSA, JWSAlgorithm.Family.EC));

    private static final String EMAIL_VERIFIED_CLAIM = "email_verified";
    private static final int JWKS_SIZE_LIMIT_BYTES = 256 * 1024;

    private final DexTokenConfiguration configuration;
    private final Clock clock;
    private final String issuer;
    private final URI jwksUri;
    private final JWKSource<SecurityContext> keys;
    private final DefaultJWTProcessor<SecurityContext> signatureCheck = new DefaultJWTProcessor<>();

    @Inject
    DexTokenVerifier(DexTokenConfiguration configuration) {
        this(configuration, Clock.systemUTC());
    }

    DexTokenVerifier(DexTokenConfiguration configuration, Clock clock) {
        this.configuration = configuration;
        this.clock = clock;
        this.issuer = configuration
                .getIssuer()
                .orElseThrow(() -> new ConfigurationException(
                        DexTokenConfiguration.PREFIX + ".issuer is required when Dex tokens are enabled"));
        if (configuration.getAudience().isEmpty()) {
            throw new ConfigurationException(DexTokenConfiguration.PREFIX
                    + ".audience (Dex's client id) is required when Dex tokens are enabled");
        }
        if (configuration.getJwksRefreshMinInterval().compareTo(configuration.getJwksCacheTtl()) >= 0) {
            throw new ConfigurationException(DexTokenConfiguration.PREFIX
                    + ".jwks-refresh-min-interval must be shorter than " + DexTokenConfiguration.PREFIX
                    + ".jwks-cache-ttl");
        }
        this.jwksUri = configuration.getJwksUri().orElseThrow();
        this.keys = keySource(configuration, jwksUri);
        signatureCheck.setJWSKeySelector(new JWSVerificationKeySelector<>(ACCEPTED_ALGORITHMS, keys));
        // the claims are checked below, each with its own reason
        signatureCheck.setJWTClaimsSetVerifier((claims, context) -> {});
    }

    /**
     * @return the token's user and groups
     * @throws TokenRejectedException when the token is not a valid Dex ID token for this platform
     */
    VerifiedToken verify(String token) throws TokenRejectedException {
        SignedJWT jwt = signed(parse(token));
        JWTClaimsSet claims = verifySignature(jwt);
        checkIssuerAndAudience(claims);
        checkValidityPeriod(claims);
        return new VerifiedToken(email(claims), groups(claims));
    }

    private static JWT parse(String token) throws TokenRejectedException {
        try {
            return JWTParser.parse(token);
        } catch (ParseException | RuntimeException e) {
            throw new TokenRejectedException("The bearer token is not a well-formed JWT.");
        }
    }

    private static SignedJWT signed(JWT jwt) throws TokenRejectedException {
        if (jwt instanceof PlainJWT) {
            throw new TokenRejectedException(
                    "The bearer token is unsigned (alg none); only tokens Dex signed are accepted.");
        }
        if (jwt instanceof EncryptedJWT || !(jwt instanceof SignedJWT signed)) {
            throw new TokenRejectedException("The bearer token is encrypted; only tokens Dex signed are accepted.");
        }
        if (!ACCEPTED_ALGORITHMS.contains(signed.getHeader().getAlgorithm())) {
            throw new TokenRejectedException(
                    "The bearer token is signed with an algorithm that is not accepted (RSA and ECDSA only).");
        }
        return signed;
    }

    private JWTClaimsSet verifySignature(SignedJWT jwt) throws TokenRejectedException {
        try {
            return signatureCheck.process(jwt, null);
        } catch (RateLimitReachedException e) {
            throw new TokenRejectedException("The bearer token is signed with a key Dex does not publish.");
        } catch (KeySourceException e) {
            LOG.warn("Dex's signing keys could not be read from {}: {}", jwksUri, e.getMessage());
            throw new TokenRejectedException(
                    "The bearer token cannot be verified now: Dex's signing keys are unavailable.");
        } catch (BadJOSEException | JOSEException | RuntimeException e) {
            throw new TokenRejectedException("The bearer token's signature does not verify with Dex's signing keys.");
        }
    }

    private void checkIssuerAndAudience(JWTClaimsSet claims) throws TokenRejectedException {
        if (!issuer.equals(claims.getIssuer())) {
            throw new TokenRejectedException("The bearer token was not issued by the configured Dex issuer.");
        }
        List<String> audience = claims.getAudience();
        if (audience == null || audience.stream().noneMatch(configuration.getAudience()::contains)) {
            throw new TokenRejectedException("The bearer token was issued to another client (audience).");
        }
    }

    private void checkValidityPeriod(JWTClaimsSet claims) throws TokenRejectedException {
        Instant now = clock.instant();
        Date expiry = claims.getExpirationTime();
        if (expiry == null) {
            throw new TokenRejectedException("The bearer token has no expiry.");
        }
        if (now.isAfter(expiry.toInstant().plus(configuration.getClockSkew()))) {
            throw new TokenRejectedException("The bearer token has expired.");
        }
        Date notBefore = claims.getNotBeforeTime();
        if (notBefore != null && now.isBefore(notBefore.toInstant().minus(configuration.getClockSkew()))) {
            throw new TokenRejectedException("The bearer token is not valid yet.");
        }
    }

    private String email(JWTClaimsSet claims) throws TokenRejectedException {
        if (!(claims.getClaim(configuration.getEmailClaim()) instanceof String email) || email.isBlank()) {
            throw new TokenRejectedException("The bearer token carries no email claim.");
        }
        if (configuration.isRequireEmailVerified() && !Boolean.TRUE.equals(claims.getClaim(EMAIL_VERIFIED_CLAIM))) {
            throw new TokenRejectedException("The bearer token's email is not verified.");
        }
        return email.trim();
    }

    private List<String> groups(JWTClaimsSet claims) {
        if (!(claims.getClaim(configuration.getGroupsClaim()) instanceof Collection<?> groups)) {
            return List.of();
        }
        return groups.stream()
                .filter(String.class::isInstance)
                .map(String.class::cast)
                .filter(group -> !group.isBlank())
                .toList();
    }

    @PreDestroy
    void close() throws IOException {
        if (keys instanceof Closeable closeable) {
            closeable.close();
        }
    }

    private static JWKSource<SecurityContext> keySource(DexTokenConfiguration configuration, URI jwksUri) {
        int timeout = Math.toIntExact(configuration.getJwksTimeout().toMillis());
        try {
            return JWKSourceBuilder.<SecurityContext>create(
                            jwksUri.toURL(), new DefaultResourceRetriever(timeout, timeout, JWKS_SIZE_LIMIT_BYTES))
                    .cache(configuration.getJwksCacheTtl().toMillis(), 2L * timeout)
                    .rateLimited(configuration.getJwksRefreshMinInterval().toMillis())
                    .retrying(false)
                    .build();
        } catch (MalformedURLException | IllegalArgumentException e) {
            throw new ConfigurationException(
                    DexTokenConfiguration.PREFIX + ".jwks-uri is not a URL: " + Objects.toString(jwksUri));
        }
    }

    private static Set<JWSAlgorithm> union(Set<JWSAlgorithm> first, Set<JWSAlgorithm> second) {
        Set<JWSAlgorithm> all = new HashSet<>(first);
        all.addAll(second);
        return all;
    }
}
