package dev.notebooks.catalog.check;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.zip.GZIPOutputStream;

/**
 * A small OCI registry on localhost serving real manifests, indexes and config blobs over the distribution API
 * ({@code GET /v2/<name>/manifests/<reference>}, {@code GET /v2/<name>/blobs/<digest>}), with the media types and
 * digests a real registry serves: manifests only in a type the request's {@code Accept} allows, blobs through a
 * redirect to "storage", and one repository behind anonymous Bearer token auth (a 401 challenge naming a token
 * endpoint, as Docker Hub and GHCR do). The configs are the JSON files under {@code src/test/resources/registry}.
 */
public final class RegistryDouble implements AutoCloseable {

    /** Meets every requirement: OCI manifest, uid 1000, port 8888, HOME, entrypoint. */
    public static final String COMPLIANT = "notebooks/jupyter:v1.10.0";
    /** Docker v2 manifest; runs as root (no USER). */
    public static final String ROOT = "notebooks/python-root:3.11";
    /** Exposes 8080 only (code-server's default). */
    public static final String NO_PORT = "notebooks/codeserver:4.96";
    /** An OCI index: a non-compliant linux/arm64 manifest first, then a compliant linux/amd64 one. */
    public static final String MULTI_ARCH = "notebooks/jupyter-multiarch:v1.10.0";
    /** The compliant config, behind token auth. */
    public static final String PRIVATE = "private/jupyter:v1.10.0";
    /** Nothing by that name. */
    public static final String MISSING = "notebooks/missing:v1";

    static final String OCI_CONFIG = "application/vnd.oci.image.config.v1+json";
    static final String OCI_LAYER = "application/vnd.oci.image.layer.v1.tar+gzip";
    static final String DOCKER_CONFIG = "application/vnd.docker.container.image.v1+json";
    static final String DOCKER_LAYER = "application/vnd.docker.image.rootfs.diff.tar.gzip";

    private static final String SERVICE = "registry-double";
    private static final Set<String> PROTECTED_REPOSITORIES = Set.of("private/jupyter");

    private final HttpServer server;
    private final Map<String, Manifest> manifests = new ConcurrentHashMap<>();
    private final Map<String, byte[]> blobs = new ConcurrentHashMap<>();
    private final Set<String> tokens = ConcurrentHashMap.newKeySet();
    private final AtomicInteger tokensIssued = new AtomicInteger();
    private final byte[] emptyLayer = gzip(new byte[1024]); // an empty tar archive is two zero blocks

    private record Manifest(String mediaType, byte[] content) {}

    private RegistryDouble() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::handle);
        blobs.put(RegistryDocument.sha256(emptyLayer), emptyLayer);

        image(COMPLIANT, MediaTypes.OCI_MANIFEST, "jupyter-compliant.json");
        image(ROOT, MediaTypes.DOCKER_MANIFEST, "root.json");
        image(NO_PORT, MediaTypes.OCI_MANIFEST, "no-port.json");
        image(PRIVATE, MediaTypes.OCI_MANIFEST, "jupyter-compliant.json");
        String arm64 = image(null, MediaTypes.OCI_MANIFEST, "multi-arch-arm64.json");
        String amd64 = image(null, MediaTypes.OCI_MANIFEST, "multi-arch-amd64.json");
        String index =
                """
                {
                  "schemaVersion": 2,
                  "mediaType": "%s",
                  "manifests": [
                    %s,
                    %s
                  ]
                }
                """
                        .formatted(
                                MediaTypes.OCI_INDEX,
                                platformDescriptor(arm64, "arm64", "\"variant\": \"v8\", "),
                                platformDescriptor(amd64, "amd64", ""));
        put(MULTI_ARCH, MediaTypes.OCI_INDEX, index.getBytes(StandardCharsets.UTF_8));
    }

    public static RegistryDouble start() {
        try {
            RegistryDouble registry = new RegistryDouble();
            registry.server.start();
            return registry;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The full reference of one of this registry's images, such as {@code localhost:41234/notebooks/jupyter:v1}. */
    public String image(String repositoryAndTag) {
        return registry() + "/" + repositoryAndTag;
    }

    /** {@code localhost:<port>}. */
    public String registry() {
        return "localhost:" + server.getAddress().getPort();
    }

    /** The digest of the manifest a tag names (for the multi-arch image, of its index). */
    public String digestOf(String repositoryAndTag) {
        return RegistryDocument.sha256(manifests.get(repositoryAndTag).content());
    }

    /** The digest of the linux/amd64 manifest of {@link #MULTI_ARCH}. */
    public String multiArchAmd64Digest() {
        return RegistryDocument.sha256(manifestBytes(MediaTypes.OCI_MANIFEST, "multi-arch-amd64.json"));
    }

    /**
     * Tags one of the images under a new repository (as {@code crane copy} would), so a test has an image no other
     * test adds; returns its full reference.
     */
    public synchronized String copy(String source, String targetRepositoryAndTag) {
        String sourceRepository = repositoryOf(source);
        String targetRepository = repositoryOf(targetRepositoryAndTag);
        Map.copyOf(manifests).forEach((key, manifest) -> {
            if (key.startsWith(sourceRepository + "@")) {
                manifests.put(targetRepository + key.substring(sourceRepository.length()), manifest);
            }
        });
        manifests.put(targetRepositoryAndTag, manifests.get(source));
        return image(targetRepositoryAndTag);
    }

    public int tokensIssued() {
        return tokensIssued.get();
    }

    @Override
    public void close() {
        server.stop(0);
    }

    /** Stores the image's config, its manifest, and its tag (when given); returns the manifest's digest. */
    private String image(String repositoryAndTag, String mediaType, String configFile) {
        byte[] manifest = manifestBytes(mediaType, configFile);
        String digest = RegistryDocument.sha256(manifest);
        String repository = repositoryAndTag == null ? repositoryOf(MULTI_ARCH) : repositoryOf(repositoryAndTag);
        manifests.put(repository + "@" + digest, new Manifest(mediaType, manifest));
        if (repositoryAndTag != null) {
            put(repositoryAndTag, mediaType, manifest);
        }
        return digest;
    }

    private byte[] manifestBytes(String mediaType, String configFile) {
        byte[] config = resource(configFile);
        String configDigest = RegistryDocument.sha256(config);
        blobs.put(configDigest, config);
        boolean oci = mediaType.equals(MediaTypes.OCI_MANIFEST);
        String manifest =
                """
                {
                  "schemaVersion": 2,
                  "mediaType": "%s",
                  "config": {
                    "mediaType": "%s",
                    "digest": "%s",
                    "size": %d
                  },
                  "layers": [
                    {
                      "mediaType": "%s",
                      "digest": "%s",
                      "size": %d
                    }
                  ]
                }
                """
                        .formatted(
                                mediaType,
                                oci ? OCI_CONFIG : DOCKER_CONFIG,
                                configDigest,
                                config.length,
                                oci ? OCI_LAYER : DOCKER_LAYER,
                                RegistryDocument.sha256(emptyLayer),
                                emptyLayer.length);
        return manifest.getBytes(StandardCharsets.UTF_8);
    }

    private String platformDescriptor(String digest, String architecture, String variant) {
        Manifest manifest = manifests.get(repositoryOf(MULTI_ARCH) + "@" + digest);
        return """
                {
                      "mediaType": "%s",
                      "digest": "%s",
                      "size": %d,
                      "platform": { "architecture": "%s", %s"os": "linux" }
                    }"""
                .formatted(manifest.mediaType(), digest, manifest.content().length, architecture, variant);
    }

    private void put(String repositoryAndTag, String mediaType, byte[] content) {
        Manifest manifest = new Manifest(mediaType, content);
        manifests.put(repositoryAndTag, manifest);
        manifests.put(repositoryOf(repositoryAndTag) + "@" + RegistryDocument.sha256(content), manifest);
    }

    private void handle(HttpExchange exchange) throws IOException {
        try (exchange) {
            String path = exchange.getRequestURI().getPath();
            if (path.equals("/token")) {
                issueToken(exchange);
            } else if (path.startsWith("/storage/")) {
                serveBlob(exchange, path.substring("/storage/".length()));
            } else if (path.contains("/manifests/")) {
                String repository = between(path, "/v2/", "/manifests/");
                if (authorized(exchange, repository)) {
                    serveManifest(exchange, repository, path.substring(path.indexOf("/manifests/") + 11));
                }
            } else if (path.contains("/blobs/")) {
                String repository = between(path, "/v2/", "/blobs/");
                if (authorized(exchange, repository)) {
                    // registries hand blobs to their storage; the client must follow
                    exchange.getResponseHeaders()
                            .add("Location", "/storage/" + path.substring(path.indexOf("/blobs/") + 7));
                    exchange.sendResponseHeaders(307, -1);
                }
            } else {
                error(exchange, 404, "NAME_UNKNOWN");
            }
        }
    }

    private void serveManifest(HttpExchange exchange, String repository, String reference) throws IOException {
        Manifest manifest = manifests.get(repository + (reference.startsWith("sha256:") ? "@" : ":") + reference);
        String accept = String.valueOf(exchange.getRequestHeaders().getFirst("Accept"));
        if (manifest == null || !accept.contains(manifest.mediaType())) {
            error(exchange, 404, "MANIFEST_UNKNOWN");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", manifest.mediaType());
        exchange.getResponseHeaders().add("Docker-Content-Digest", RegistryDocument.sha256(manifest.content()));
        send(exchange, 200, manifest.content());
    }

    private void serveBlob(HttpExchange exchange, String digest) throws IOException {
        byte[] blob = blobs.get(digest);
        if (blob == null) {
            error(exchange, 404, "BLOB_UNKNOWN");
            return;
        }
        exchange.getResponseHeaders().add("Content-Type", "application/octet-stream");
        send(exchange, 200, blob);
    }

    private boolean authorized(HttpExchange exchange, String repository) throws IOException {
        if (!PROTECTED_REPOSITORIES.contains(repository)) {
            return true;
        }
        String authorization = String.valueOf(exchange.getRequestHeaders().getFirst("Authorization"));
        if (authorization.startsWith("Bearer ") && tokens.contains(authorization.substring(7))) {
            return true;
        }
        exchange.getResponseHeaders()
                .add(
                        "WWW-Authenticate",
                        "Bearer realm=\"http://%s/token\",service=\"%s\",scope=\"repository:%s:pull\""
                                .formatted(registry(), SERVICE, repository));
        error(exchange, 401, "UNAUTHORIZED");
        return false;
    }

    private void issueToken(HttpExchange exchange) throws IOException {
        String query = URI.create(exchange.getRequestURI().toString()).getQuery();
        if (query == null || !query.contains("service=" + SERVICE) || !query.contains("scope=repository:")) {
            error(exchange, 400, "DENIED");
            return;
        }
        String token = UUID.randomUUID().toString();
        tokens.add(token);
        tokensIssued.incrementAndGet();
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(
                exchange,
                200,
                "{\"token\":\"%s\",\"access_token\":\"%s\",\"expires_in\":300}"
                        .formatted(token, token)
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void error(HttpExchange exchange, int status, String code) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        send(
                exchange,
                status,
                "{\"errors\":[{\"code\":\"%s\",\"message\":\"%s\"}]}"
                        .formatted(code, code.toLowerCase().replace('_', ' '))
                        .getBytes(StandardCharsets.UTF_8));
    }

    private static void send(HttpExchange exchange, int status, byte[] body) throws IOException {
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
    }

    private static String between(String path, String start, String end) {
        return path.substring(start.length(), path.indexOf(end));
    }

    private static String repositoryOf(String repositoryAndTag) {
        return repositoryAndTag.substring(0, repositoryAndTag.lastIndexOf(':'));
    }

    private static byte[] resource(String file) {
        try (InputStream in = RegistryDouble.class.getResourceAsStream("/registry/" + file)) {
            if (in == null) {
                throw new IllegalStateException("no test resource registry/" + file);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream out = new GZIPOutputStream(bytes)) {
            out.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return bytes.toByteArray();
    }
}
