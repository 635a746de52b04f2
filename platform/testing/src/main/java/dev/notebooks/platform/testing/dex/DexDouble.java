package dev.notebooks.platform.testing.dex;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.jwk.Curve;
import com.nimbusds.jose.jwk.ECKey;
import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.ECKeyGenerator;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Dex as a service sees it: an issuer that signs ID tokens and publishes its public keys at {@code <issuer>/keys} over
 * real HTTP on a free loopback port. Signs with an RSA key (RS256) and can sign with an EC key (ES256); {@link #rotate()}
 * publishes a new RSA key and signs with it from then on, as Dex does.
 */
public final class DexDouble implements AutoCloseable {

    public static final String ISSUER_PATH = "/dex";

    private final HttpServer server;
    private final String clientId;
    private final List<JWK> published = new CopyOnWriteArrayList<>();
    private final AtomicInteger keyFetches = new AtomicInteger();
    private final AtomicInteger keyIds = new AtomicInteger();
    private final ECKey ecKey;
    private volatile RSAKey signingKey;

    private DexDouble(String clientId) throws IOException {
        this.clientId = clientId;
        this.signingKey = newRsaKey();
        this.ecKey = newEcKey();
        published.add(signingKey);
        published.add(ecKey);
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext(ISSUER_PATH + "/keys", this::serveKeys);
        server.start();
    }

    /** Starts a Dex that issues tokens to the client {@code clientId}. */
    public static DexDouble start(String clientId) {
        try {
            return new DexDouble(clientId);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** @return the issuer URL, {@code http://127.0.0.1:<port>/dex}, as in the tokens' {@code iss} claim */
    public String issuer() {
        return "http://" + server.getAddress().getHostString() + ":"
                + server.getAddress().getPort() + ISSUER_PATH;
    }

    public String clientId() {
        return clientId;
    }

    /** @return how many times the keys were fetched */
    public int keyFetches() {
        return keyFetches.get();
    }

    /** The settings that make a service accept this Dex's tokens ({@code platform.security.dex-tokens.*}). */
    public Map<String, String> properties() {
        Map<String, String> properties = new LinkedHashMap<>();
        properties.put("platform.security.dex-tokens.enabled", "true");
        properties.put("platform.security.dex-tokens.issuer", issuer());
        properties.put("platform.security.dex-tokens.audience", clientId);
        return properties;
    }

    /** A valid token for {@code email} (verified, no groups), signed with the current key; change it before signing. */
    public TokenBuilder token(String email) {
        return new TokenBuilder(this, email);
    }

    /** Publishes a new RSA key and signs with it from now on; the old key stays published, as Dex keeps it a while. */
    public RSAKey rotate() {
        RSAKey next = newRsaKey();
        published.add(next);
        signingKey = next;
        return next;
    }

    /** @return a key with a new id that is not published */
    public RSAKey unpublishedKey() {
        return newRsaKey();
    }

    RSAKey signingKey() {
        return signingKey;
    }

    ECKey ecKey() {
        return ecKey;
    }

    @Override
    public void close() {
        server.stop(0);
    }

    private void serveKeys(HttpExchange exchange) throws IOException {
        keyFetches.incrementAndGet();
        byte[] body =
                new JWKSet(List.copyOf(published)).toPublicJWKSet().toString().getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().set("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(body);
        }
    }

    private RSAKey newRsaKey() {
        try {
            return new RSAKeyGenerator(2048)
                    .keyID("rsa-" + keyIds.incrementAndGet())
                    .algorithm(JWSAlgorithm.RS256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    private ECKey newEcKey() {
        try {
            return new ECKeyGenerator(Curve.P_256)
                    .keyID("ec-" + keyIds.incrementAndGet())
                    .algorithm(JWSAlgorithm.ES256)
                    .generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }
}
