package dev.notebooks.platform.testing.dex;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.JWSSigner;
import com.nimbusds.jose.crypto.ECDSASigner;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * An ID token as Dex issues it ({@code iss}, {@code aud}, {@code sub}, {@code iat}, {@code exp} an hour ahead,
 * {@code email}, {@code email_verified: true}), changed by the methods below, then signed, forged or left unsigned.
 */
public final class TokenBuilder {

    private final DexDouble dex;
    private final Map<String, Object> claims = new LinkedHashMap<>();
    private String issuer;
    private List<String> audience;
    private Instant expiresAt = Instant.now().plus(Duration.ofHours(1));
    private Instant notBefore;

    TokenBuilder(DexDouble dex, String email) {
        this.dex = dex;
        this.issuer = dex.issuer();
        this.audience = List.of(dex.clientId());
        claims.put("sub", "Cg" + Math.abs(email.hashCode()) + "EgVsb2NhbA");
        claims.put("email", email);
        claims.put("email_verified", true);
    }

    public TokenBuilder issuer(String issuer) {
        this.issuer = issuer;
        return this;
    }

    public TokenBuilder audience(String... audience) {
        this.audience = List.of(audience);
        return this;
    }

    public TokenBuilder expiresAt(Instant expiresAt) {
        this.expiresAt = expiresAt;
        return this;
    }

    public TokenBuilder notBefore(Instant notBefore) {
        this.notBefore = notBefore;
        return this;
    }

    public TokenBuilder groups(String... groups) {
        claims.put("groups", List.of(groups));
        return this;
    }

    /** Sets a claim; a null value leaves it out. */
    public TokenBuilder claim(String name, Object value) {
        if (value == null) {
            claims.remove(name);
        } else {
            claims.put(name, value);
        }
        return this;
    }

    /** @return the token signed with Dex's current RSA key (RS256) */
    public String signed() {
        return sign(JWSAlgorithm.RS256, dex.signingKey().getKeyID(), rsaSigner(dex.signingKey()));
    }

    /** @return the token signed with Dex's EC key (ES256) */
    public String signedEs256() {
        try {
            return sign(JWSAlgorithm.ES256, dex.ecKey().getKeyID(), new ECDSASigner(dex.ecKey()));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** @return the token signed with {@code key}, naming that key's id */
    public String signedWith(RSAKey key) {
        return sign(JWSAlgorithm.RS256, key.getKeyID(), rsaSigner(key));
    }

    /** @return the token signed with another key than the one its key id names: a forged signature */
    public String forged() {
        return sign(JWSAlgorithm.RS256, dex.signingKey().getKeyID(), rsaSigner(dex.unpublishedKey()));
    }

    /** @return the token with {@code alg: none} and no signature */
    public String unsigned() {
        return new PlainJWT(claimsSet()).serialize();
    }

    /** @return the token signed with HS256 under {@code secret} (such as the client secret), naming Dex's key id */
    public String hmacSigned(String secret) {
        try {
            return sign(
                    JWSAlgorithm.HS256,
                    dex.signingKey().getKeyID(),
                    new MACSigner(secret.getBytes(StandardCharsets.UTF_8)));
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private String sign(JWSAlgorithm algorithm, String keyId, JWSSigner signer) {
        SignedJWT jwt =
                new SignedJWT(new JWSHeader.Builder(algorithm).keyID(keyId).build(), claimsSet());
        try {
            jwt.sign(signer);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
        return jwt.serialize();
    }

    private JWTClaimsSet claimsSet() {
        JWTClaimsSet.Builder builder = new JWTClaimsSet.Builder()
                .issuer(issuer)
                .audience(audience)
                .issueTime(Date.from(Instant.now()))
                .expirationTime(expiresAt == null ? null : Date.from(expiresAt));
        if (notBefore != null) {
            builder.notBeforeTime(Date.from(notBefore));
        }
        claims.forEach(builder::claim);
        return builder.build();
    }

    private static RSASSASigner rsaSigner(RSAKey key) {
        try {
            return new RSASSASigner(key);
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
