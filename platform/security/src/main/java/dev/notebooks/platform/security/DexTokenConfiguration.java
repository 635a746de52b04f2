package dev.notebooks.platform.security;

import io.micronaut.context.annotation.ConfigurationProperties;
import java.net.URI;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Dex ID tokens as a second way to name the caller: {@code Authorization: Bearer <ID token>}, verified against Dex's
 * JWKS (signature with RS256/384/512, PS256/384/512 or ES256/384/512; {@code alg: none} and HMAC refused), issuer,
 * audience, expiry and not-before (with {@link #getClockSkew() a small clock skew}). The email claim names the user;
 * the groups claim is on {@link Caller#groups()} and makes a member of an {@link #getAdminGroups() admin group} a cluster
 * admin.
 *
 * <p>How the two ways combine when tokens are on:
 *
 * <ul>
 *   <li>a request with a bearer token is the token's user, whatever the identity header says; an invalid token is
 *       answered 401 and never falls back to the header;
 *   <li>a request without one is read from the identity header as before while {@link #isHeaderFallback() header
 *       fallback} is on (the default), and has no caller when it is off;
 *   <li>an {@code Authorization} header with another scheme (such as {@code Basic}) is ignored.
 * </ul>
 *
 * <p>Keys are fetched when first needed and cached for {@link #getJwksCacheTtl()}; a token signed with a key the cache
 * does not know makes the verifier fetch the JWKS again (Dex's key rotation), at most twice per
 * {@link #getJwksRefreshMinInterval()} so that tokens with made-up key ids cannot flood Dex.
 */
@ConfigurationProperties(DexTokenConfiguration.PREFIX)
public class DexTokenConfiguration {

    public static final String PREFIX = SecurityConfiguration.PREFIX + ".dex-tokens";

    /** Dex publishes its signing keys here, below the issuer URL. */
    public static final String DEX_KEYS_PATH = "/keys";

    public static final String DEFAULT_EMAIL_CLAIM = "email";
    public static final String DEFAULT_GROUPS_CLAIM = "groups";
    public static final Duration DEFAULT_CLOCK_SKEW = Duration.ofSeconds(60);
    public static final Duration DEFAULT_JWKS_CACHE_TTL = Duration.ofMinutes(10);
    public static final Duration DEFAULT_JWKS_REFRESH_MIN_INTERVAL = Duration.ofSeconds(30);
    public static final Duration DEFAULT_JWKS_TIMEOUT = Duration.ofSeconds(2);

    private boolean enabled;
    private String issuer;
    private List<String> audience = List.of();
    private URI jwksUri;
    private String emailClaim = DEFAULT_EMAIL_CLAIM;
    private String groupsClaim = DEFAULT_GROUPS_CLAIM;
    private boolean requireEmailVerified = true;
    private List<String> adminGroups = List.of();
    private boolean headerFallback = true;
    private Duration clockSkew = DEFAULT_CLOCK_SKEW;
    private Duration jwksCacheTtl = DEFAULT_JWKS_CACHE_TTL;
    private Duration jwksRefreshMinInterval = DEFAULT_JWKS_REFRESH_MIN_INTERVAL;
    private Duration jwksTimeout = DEFAULT_JWKS_TIMEOUT;

    /** @return whether bearer tokens are accepted. Default: false (the identity header only). */
    public boolean isEnabled() {
        return enabled;
    }

    public void setEnabled(boolean enabled) {
        this.enabled = enabled;
    }

    /**
     * @return Dex's issuer URL exactly as in its config and in the tokens' {@code iss} claim, such as
     *     {@code http://dex.auth.svc.cluster.local:5556/dex}. Required when tokens are on.
     */
    public Optional<String> getIssuer() {
        return Optional.ofNullable(issuer).filter(value -> !value.isBlank());
    }

    public void setIssuer(String issuer) {
        this.issuer = issuer == null ? null : issuer.trim();
    }

    /**
     * @return the Dex client ids a token may be issued to (its {@code aud} claim must name one), such as
     *     {@code kubeflow-oidc-authservice}; a comma-separated value names several. Required when tokens are on.
     */
    public List<String> getAudience() {
        return audience;
    }

    public void setAudience(List<String> audience) {
        this.audience = trimmed(audience);
    }

    /**
     * @return where Dex's signing keys are read. Default: the issuer followed by {@value #DEX_KEYS_PATH}, Dex's path;
     *     set it when the service reaches Dex by another address than the public issuer URL.
     */
    public Optional<URI> getJwksUri() {
        return Optional.ofNullable(jwksUri)
                .or(() -> getIssuer().map(value -> URI.create(stripTrailingSlash(value) + DEX_KEYS_PATH)));
    }

    public void setJwksUri(URI jwksUri) {
        this.jwksUri = jwksUri;
    }

    /** @return the claim that names the user. Default value {@value #DEFAULT_EMAIL_CLAIM}. */
    public String getEmailClaim() {
        return emailClaim;
    }

    public void setEmailClaim(String emailClaim) {
        this.emailClaim = emailClaim == null || emailClaim.isBlank() ? DEFAULT_EMAIL_CLAIM : emailClaim.trim();
    }

    /** @return the claim that lists the user's groups. Default value {@value #DEFAULT_GROUPS_CLAIM}. */
    public String getGroupsClaim() {
        return groupsClaim;
    }

    public void setGroupsClaim(String groupsClaim) {
        this.groupsClaim = groupsClaim == null || groupsClaim.isBlank() ? DEFAULT_GROUPS_CLAIM : groupsClaim.trim();
    }

    /**
     * @return whether a token must carry {@code email_verified: true}. Default: true, so that an upstream identity
     *     provider's unverified address never names a platform user; turn it off only for a connector that never sets
     *     the claim.
     */
    public boolean isRequireEmailVerified() {
        return requireEmailVerified;
    }

    public void setRequireEmailVerified(boolean requireEmailVerified) {
        this.requireEmailVerified = requireEmailVerified;
    }

    /**
     * @return groups (from the groups claim of a token) whose members are cluster admins, besides the users in
     *     {@code platform.security.cluster-admins}. Default: none.
     */
    public List<String> getAdminGroups() {
        return adminGroups;
    }

    public void setAdminGroups(List<String> adminGroups) {
        this.adminGroups = trimmed(adminGroups);
    }

    /**
     * @return whether a request without a bearer token may still name its user with the identity header. Default:
     *     true, for gateways that pass only the header; turn it off when anything but the gateway can reach the service.
     */
    public boolean isHeaderFallback() {
        return headerFallback;
    }

    public void setHeaderFallback(boolean headerFallback) {
        this.headerFallback = headerFallback;
    }

    /** @return how far the expiry and not-before times may be off. Default 60 seconds. */
    public Duration getClockSkew() {
        return clockSkew;
    }

    public void setClockSkew(Duration clockSkew) {
        this.clockSkew = clockSkew == null ? DEFAULT_CLOCK_SKEW : clockSkew;
    }

    /** @return how long fetched keys are used before they are fetched again. Default 10 minutes. */
    public Duration getJwksCacheTtl() {
        return jwksCacheTtl;
    }

    public void setJwksCacheTtl(Duration jwksCacheTtl) {
        this.jwksCacheTtl = jwksCacheTtl == null ? DEFAULT_JWKS_CACHE_TTL : jwksCacheTtl;
    }

    /**
     * @return the period in which the keys are fetched at most twice; shorter than {@link #getJwksCacheTtl()}. Default
     *     30 seconds.
     */
    public Duration getJwksRefreshMinInterval() {
        return jwksRefreshMinInterval;
    }

    public void setJwksRefreshMinInterval(Duration jwksRefreshMinInterval) {
        this.jwksRefreshMinInterval =
                jwksRefreshMinInterval == null ? DEFAULT_JWKS_REFRESH_MIN_INTERVAL : jwksRefreshMinInterval;
    }

    /** @return the connect and read timeout of a key fetch. Default 2 seconds. */
    public Duration getJwksTimeout() {
        return jwksTimeout;
    }

    public void setJwksTimeout(Duration jwksTimeout) {
        this.jwksTimeout = jwksTimeout == null ? DEFAULT_JWKS_TIMEOUT : jwksTimeout;
    }

    private static List<String> trimmed(List<String> values) {
        return values == null
                ? List.of()
                : values.stream()
                        .map(String::trim)
                        .filter(value -> !value.isEmpty())
                        .toList();
    }

    private static String stripTrailingSlash(String value) {
        return value.endsWith("/") ? value.substring(0, value.length() - 1) : value;
    }
}
