package dev.notebooks.platform.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.nimbusds.jose.jwk.RSAKey;
import dev.notebooks.platform.testing.dex.DexDouble;
import io.micronaut.context.exceptions.ConfigurationException;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The verifier against a Dex that serves its keys over real HTTP: each test starts with an empty key cache. */
class DexTokenVerifierTest {

    private static final String CLIENT = "kubeflow-oidc-authservice";
    private static final String ALICE = "alice@example.com";

    private DexDouble dex;
    private DexTokenConfiguration configuration;
    private DexTokenVerifier verifier;

    @BeforeEach
    void startDex() {
        dex = DexDouble.start(CLIENT);
        configuration = new DexTokenConfiguration();
        configuration.setEnabled(true);
        configuration.setIssuer(dex.issuer());
        configuration.setAudience(List.of(CLIENT));
        configuration.setJwksCacheTtl(Duration.ofHours(2));
        configuration.setJwksRefreshMinInterval(Duration.ofHours(1));
        verifier = new DexTokenVerifier(configuration);
    }

    @AfterEach
    void stopDex() throws IOException {
        verifier.close();
        dex.close();
    }

    @Test
    void validRs256TokenNamesItsEmailAndGroups() throws TokenRejectedException {
        VerifiedToken token = verifier.verify(
                dex.token(ALICE).groups("data-science", "admins").signed());

        assertThat(token).isEqualTo(new VerifiedToken(ALICE, List.of("data-science", "admins")));
    }

    @Test
    void validEs256TokenIsAccepted() throws TokenRejectedException {
        assertThat(verifier.verify(dex.token(ALICE).signedEs256()).email()).isEqualTo(ALICE);
    }

    @Test
    void tokenWithoutGroupsHasNone() throws TokenRejectedException {
        assertThat(verifier.verify(dex.token(ALICE).signed()).groups()).isEmpty();
    }

    @Test
    void keysAreFetchedOnceForManyTokens() throws TokenRejectedException {
        for (int i = 0; i < 5; i++) {
            verifier.verify(dex.token(ALICE).signed());
        }

        assertThat(dex.keyFetches()).isEqualTo(1);
    }

    @Test
    void wrongIssuerIsRefused() {
        assertRefused(
                dex.token(ALICE).issuer("https://other-dex.example.com/dex").signed(), "issuer");
    }

    @Test
    void wrongAudienceIsRefused() {
        assertRefused(dex.token(ALICE).audience("another-client").signed(), "another client");
    }

    @Test
    void oneOfSeveralAudiencesIsEnough() throws TokenRejectedException {
        assertThat(verifier.verify(dex.token(ALICE).audience("kubectl", CLIENT).signed())
                        .email())
                .isEqualTo(ALICE);
    }

    @Test
    void expiredTokenIsRefused() {
        assertRefused(
                dex.token(ALICE)
                        .expiresAt(Instant.now().minus(Duration.ofMinutes(5)))
                        .signed(),
                "expired");
    }

    @Test
    void tokenExpiredWithinTheClockSkewIsAccepted() throws TokenRejectedException {
        String token =
                dex.token(ALICE).expiresAt(Instant.now().minusSeconds(10)).signed();

        assertThat(verifier.verify(token).email()).isEqualTo(ALICE);
    }

    @Test
    void tokenWithoutExpiryIsRefused() {
        assertRefused(dex.token(ALICE).expiresAt(null).signed(), "no expiry");
    }

    @Test
    void tokenNotValidYetIsRefused() {
        assertRefused(
                dex.token(ALICE)
                        .notBefore(Instant.now().plus(Duration.ofMinutes(10)))
                        .signed(),
                "not valid yet");
    }

    @Test
    void forgedSignatureIsRefused() {
        assertRefused(dex.token(ALICE).forged(), "signature");
    }

    @Test
    void unsignedTokenIsRefused() {
        assertRefused(dex.token(ALICE).unsigned(), "unsigned");
    }

    @Test
    void hmacTokenIsRefusedEvenWithTheKeyIdOfDexsKey() {
        assertRefused(dex.token(ALICE).hmacSigned("the-client-secret-that-is-32-bytes!"), "algorithm");
    }

    @Test
    void garbageIsNotAJwt() {
        assertRefused("not-a-token", "well-formed");
        assertRefused("", "well-formed");
        assertRefused("a.b.c", "well-formed");
    }

    @Test
    void tokenWithoutEmailIsRefused() {
        assertRefused(dex.token(ALICE).claim("email", null).signed(), "no email");
        assertRefused(dex.token(ALICE).claim("email", " ").signed(), "no email");
        assertRefused(dex.token(ALICE).claim("email", 42).signed(), "no email");
    }

    @Test
    void unverifiedEmailIsRefused() {
        assertRefused(dex.token(ALICE).claim("email_verified", false).signed(), "not verified");
        assertRefused(dex.token(ALICE).claim("email_verified", null).signed(), "not verified");
    }

    @Test
    void unverifiedEmailIsAcceptedWhenNotRequired() throws TokenRejectedException {
        configuration.setRequireEmailVerified(false);

        assertThat(verifier.verify(
                                dex.token(ALICE).claim("email_verified", null).signed())
                        .email())
                .isEqualTo(ALICE);
    }

    @Test
    void configuredClaimsNameTheUserAndGroups() throws TokenRejectedException {
        configuration.setEmailClaim("preferred_email");
        configuration.setGroupsClaim("roles");

        VerifiedToken token = verifier.verify(dex.token("ignored@example.com")
                .claim("preferred_email", ALICE)
                .claim("roles", List.of("ops", 7))
                .signed());

        assertThat(token).isEqualTo(new VerifiedToken(ALICE, List.of("ops")));
    }

    @Test
    void rotatedKeyIsFetchedWhenATokenNamesIt() throws TokenRejectedException {
        verifier.verify(dex.token(ALICE).signed());
        dex.rotate();

        assertThat(verifier.verify(dex.token(ALICE).signed()).email()).isEqualTo(ALICE);
        assertThat(dex.keyFetches()).isEqualTo(2);
    }

    @Test
    void unknownKeyIsRefusedAfterFetchingTheKeysAgain() throws TokenRejectedException {
        verifier.verify(dex.token(ALICE).signed());

        assertRefused(dex.token(ALICE).signedWith(dex.unpublishedKey()), "");
        assertThat(dex.keyFetches()).isEqualTo(2);
    }

    @Test
    void tokensWithMadeUpKeysCannotFloodDex() throws TokenRejectedException {
        verifier.verify(dex.token(ALICE).signed());
        RSAKey unknown = dex.unpublishedKey();

        for (int i = 0; i < 20; i++) {
            assertRefused(dex.token(ALICE).signedWith(unknown), "");
        }

        assertThat(dex.keyFetches()).isLessThanOrEqualTo(2);
        assertThat(verifier.verify(dex.token(ALICE).signed()).email()).isEqualTo(ALICE);
    }

    @Test
    void unreachableKeysRefuseTheToken() throws IOException {
        configuration.setJwksUri(URI.create("http://127.0.0.1:1/dex/keys"));
        DexTokenVerifier offline = new DexTokenVerifier(configuration);

        assertThatThrownBy(() -> offline.verify(dex.token(ALICE).signed()))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining("unavailable");
        offline.close();
    }

    @Test
    void jwksUriDefaultsToDexsKeysBelowTheIssuer() {
        DexTokenConfiguration defaults = new DexTokenConfiguration();
        defaults.setIssuer("https://dex.example.com/dex/");

        assertThat(defaults.getJwksUri()).contains(URI.create("https://dex.example.com/dex/keys"));
    }

    @Test
    void enabledWithoutIssuerOrAudienceDoesNotStart() {
        DexTokenConfiguration noIssuer = new DexTokenConfiguration();
        noIssuer.setAudience(List.of(CLIENT));
        DexTokenConfiguration noAudience = new DexTokenConfiguration();
        noAudience.setIssuer(dex.issuer());

        assertThatThrownBy(() -> new DexTokenVerifier(noIssuer))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("issuer");
        assertThatThrownBy(() -> new DexTokenVerifier(noAudience))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("audience");
    }

    @Test
    void refreshIntervalAsLongAsTheCachePeriodDoesNotStart() {
        configuration.setJwksRefreshMinInterval(configuration.getJwksCacheTtl());

        assertThatThrownBy(() -> new DexTokenVerifier(configuration))
                .isInstanceOf(ConfigurationException.class)
                .hasMessageContaining("jwks-refresh-min-interval");
    }

    private void assertRefused(String token, String reason) {
        assertThatThrownBy(() -> verifier.verify(token))
                .isInstanceOf(TokenRejectedException.class)
                .hasMessageContaining(reason)
                .satisfies(refusal -> assertThat(refusal.getMessage()).doesNotContain(token.isEmpty() ? "\0" : token));
    }
}
