package dev.notebooks.catalog.check;

import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads manifests and blobs of one repository over the OCI distribution API, anonymously: when the registry answers
 * 401 with a {@code Bearer} challenge, it asks the challenge's token endpoint for an anonymous pull token and tries
 * once more with it. Redirects (blob storage) are followed by hand so the token never leaves the registry's host.
 */
final class RepositoryConnection {

    private static final int MAX_REDIRECTS = 5;
    private static final int MAX_DOCUMENT_BYTES = 4 * 1024 * 1024;
    private static final Pattern CHALLENGE_PARAMETER = Pattern.compile("(\\w+)=\"([^\"]*)\"");

    private final HttpClient http;
    private final JsonMapper json;
    private final Duration requestTimeout;
    private final URI registry;
    private final String repository;
    private String token;

    RepositoryConnection(HttpClient http, JsonMapper json, Duration requestTimeout, URI registry, String repository) {
        this.http = http;
        this.json = json;
        this.requestTimeout = requestTimeout;
        this.registry = registry;
        this.repository = repository;
    }

    /** The manifest or index a tag or digest names. */
    RegistryDocument manifest(String reference) {
        return fetch("manifests/" + reference, MediaTypes.MANIFEST_ACCEPT).verifiedAgainst(reference);
    }

    RegistryDocument blob(String digest) {
        return fetch("blobs/" + digest, "*/*").verifiedAgainst(digest);
    }

    private RegistryDocument fetch(String path, String accept) {
        URI uri = registry.resolve("/v2/" + repository + "/" + path);
        HttpResponse<InputStream> response = get(uri, accept, true);
        if (response.statusCode() == 401 && token == null) {
            token = pullToken(response);
            response = get(uri, accept, true);
        }
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new RegistryException("the registry answered " + response.statusCode() + " to GET " + uri
                        + errorCode(body).map(code -> " (" + code + ")").orElse(""));
            }
            String mediaType = response.headers()
                    .firstValue("Content-Type")
                    .map(type -> type.split(";", 2)[0].trim())
                    .orElse("");
            return RegistryDocument.of(mediaType, readLimited(body, uri));
        } catch (IOException e) {
            throw new RegistryException("reading " + uri + " failed: " + e.getMessage(), e);
        }
    }

    private HttpResponse<InputStream> get(URI uri, String accept, boolean withToken) {
        URI target = uri;
        for (int redirects = 0; redirects <= MAX_REDIRECTS; redirects++) {
            HttpRequest.Builder request =
                    HttpRequest.newBuilder(target).timeout(requestTimeout).header("Accept", accept);
            boolean sameHost = target.getAuthority().equals(registry.getAuthority());
            if (withToken && token != null && sameHost) {
                request.header("Authorization", "Bearer " + token);
            }
            HttpResponse<InputStream> response = send(request.build());
            Optional<String> location = response.headers().firstValue("Location");
            if (response.statusCode() / 100 != 3 || location.isEmpty()) {
                return response;
            }
            close(response);
            target = allowedTarget(target.resolve(location.get()));
        }
        throw new RegistryException("more than " + MAX_REDIRECTS + " redirects from " + uri);
    }

    /** An anonymous token for pulling this repository, from the endpoint the 401's challenge names. */
    private String pullToken(HttpResponse<InputStream> unauthorized) {
        close(unauthorized);
        String challenge = unauthorized.headers().firstValue("WWW-Authenticate").orElse("");
        if (!challenge.regionMatches(true, 0, "Bearer ", 0, 7)) {
            throw new RegistryException("the registry requires credentials"
                    + (challenge.isBlank() ? "" : " (" + challenge.split(" ", 2)[0] + ")")
                    + "; image checks pull anonymously");
        }
        Map<String, String> parameters = challengeParameters(challenge);
        String realm = parameters.get("realm");
        if (realm == null) {
            throw new RegistryException("the registry's Bearer challenge names no realm");
        }
        StringBuilder query = new StringBuilder();
        Optional.ofNullable(parameters.get("service")).ifPresent(service -> append(query, "service", service));
        append(query, "scope", parameters.getOrDefault("scope", "repository:" + repository + ":pull"));
        URI tokenUri = allowedTarget(URI.create(realm + (realm.contains("?") ? "&" : "?") + query));
        HttpResponse<InputStream> response = get(tokenUri, "application/json", false);
        try (InputStream body = response.body()) {
            if (response.statusCode() != 200) {
                throw new RegistryException("the token endpoint " + tokenUri.getHost() + " answered "
                        + response.statusCode() + "; the image may not be public");
            }
            JsonNode answer = json.readValue(readLimited(body, tokenUri), JsonNode.class);
            return textField(answer, "token")
                    .or(() -> textField(answer, "access_token"))
                    .orElseThrow(() -> new RegistryException("the token endpoint answered without a token"));
        } catch (IOException e) {
            throw new RegistryException("reading a token from " + tokenUri.getHost() + " failed: " + e.getMessage(), e);
        }
    }

    /** Plain HTTP only where the registry itself is reached over plain HTTP (a local or configured registry). */
    private URI allowedTarget(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (scheme.equals("https")
                || (scheme.equals("http") && registry.getScheme().equals("http"))) {
            return uri;
        }
        throw new RegistryException(
                "the registry sent the check to " + uri.getScheme() + "://" + uri.getHost() + ", which is not HTTPS");
    }

    private HttpResponse<InputStream> send(HttpRequest request) {
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofInputStream());
        } catch (HttpTimeoutException e) {
            throw new RegistryException(request.uri().getHost() + " did not answer in time", e);
        } catch (IOException e) {
            throw new RegistryException("cannot reach " + request.uri().getHost() + ": " + e, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new RegistryException(
                    "interrupted while reading from " + request.uri().getHost(), e);
        }
    }

    private static byte[] readLimited(InputStream body, URI uri) throws IOException {
        byte[] content = body.readNBytes(MAX_DOCUMENT_BYTES + 1);
        if (content.length > MAX_DOCUMENT_BYTES) {
            throw new RegistryException(uri + " is larger than " + MAX_DOCUMENT_BYTES + " bytes");
        }
        return content;
    }

    /** The first error code of an OCI error body ({@code {"errors":[{"code":"MANIFEST_UNKNOWN",...}]}}). */
    private Optional<String> errorCode(InputStream body) {
        try {
            JsonNode errors =
                    json.readValue(body.readNBytes(64 * 1024), JsonNode.class).get("errors");
            if (errors == null || !errors.isArray() || errors.size() == 0) {
                return Optional.empty();
            }
            return textField(errors.get(0), "code");
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
    }

    private static Map<String, String> challengeParameters(String challenge) {
        Map<String, String> parameters = new LinkedHashMap<>();
        Matcher matcher = CHALLENGE_PARAMETER.matcher(challenge);
        while (matcher.find()) {
            parameters.put(matcher.group(1).toLowerCase(Locale.ROOT), matcher.group(2));
        }
        return parameters;
    }

    private static Optional<String> textField(JsonNode node, String field) {
        JsonNode value = node == null ? null : node.get(field);
        return value != null && value.isString() ? Optional.of(value.getStringValue()) : Optional.empty();
    }

    private static void append(StringBuilder query, String name, String value) {
        if (!query.isEmpty()) {
            query.append('&');
        }
        query.append(name).append('=').append(URLEncoder.encode(value, StandardCharsets.UTF_8));
    }

    private static void close(HttpResponse<InputStream> response) {
        try {
            response.body().close();
        } catch (IOException e) {
            // nothing more to read from it anyway
        }
    }
}
