package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fabric8.kubernetes.api.model.StatusBuilder;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition;
import io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinitionVersion;
import io.fabric8.kubernetes.client.dsl.base.CustomResourceDefinitionContext;
import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.dsl.HttpMethod;
import io.fabric8.mockwebserver.http.Buffer;
import io.fabric8.mockwebserver.http.Headers;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocketListener;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Answers the API's requests: the version, health and discovery documents itself, everything else from the
 * {@link ObjectStore}, passed on as it came except where the store differs from a real API server:
 *
 * <ul>
 *   <li>a created or replaced object without {@code kind}/{@code apiVersion} gets them from the URL (client-java's
 *       typed objects, e.g. the Lease of its LeaseLock, leave them out);
 *   <li>a write's query parameters are dropped (the store looks for {@code /status} at the very end of the URL);
 *   <li>a patch answers 200, not 202, and a strategic merge patch or server-side apply a clear 415;
 *   <li>deleting a built-in object other than a pod or namespace answers a {@code Status}, as a real server does
 *       and client-java's typed delete calls expect; custom resources answer the deleted object;
 *   <li>an error without a body gets a {@code Status} body;
 *   <li>a created CustomResourceDefinition serves every one of its served versions, not only the newest.
 * </ul>
 */
final class ApiRequests {

    static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String JSON = "application/json";
    private static final Pattern GROUP = Pattern.compile("/apis/([^/]+)");
    private static final Pattern GROUP_VERSION = Pattern.compile("/apis/([^/]+)/([^/]+)");
    private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");
    private static final Set<String> DELETE_ANSWERS_OBJECT = Set.of("pods", "namespaces");
    // every field client-java's VersionInfo requires; the double implements no particular Kubernetes release
    private static final String VERSION =
            """
            {"major":"1","minor":"32","gitVersion":"v1.32.0-notebooks-api-double","gitCommit":"none",\
            "gitTreeState":"clean","buildDate":"1970-01-01T00:00:00Z","goVersion":"none","compiler":"none",\
            "platform":"linux/amd64"}""";

    private final ObjectStore store;
    private final ApiResources resources;
    private final String serverAddress;

    ApiRequests(ObjectStore store, ApiResources resources, String serverAddress) {
        this.store = store;
        this.resources = resources;
        this.serverAddress = serverAddress;
    }

    record Reply(int status, String contentType, String body) {

        static Reply json(int status, String body) {
            return new Reply(status, JSON, body);
        }
    }

    Reply handle(String method, String uri, String contentType, String body) {
        String path = withoutTrailingSlash(pathOf(uri));
        if (method.equals("GET")) {
            Optional<Reply> document = document(path);
            if (document.isPresent()) {
                return document.get();
            }
        }
        if (ResourcePath.parse(uri).isEmpty()) {
            // the store would answer a path it cannot parse with every object it holds
            return failure(404, "NotFound", "the server could not find the requested resource " + path);
        }
        Optional<HttpMethod> storeMethod = storeMethod(method);
        if (storeMethod.isEmpty()) {
            return failure(405, "MethodNotAllowed", method + " is not supported by the Kubernetes API double");
        }
        if (method.equals("PATCH") && !ObjectPatch.supports(contentType)) {
            return failure(
                    415,
                    "UnsupportedMediaType",
                    "the Kubernetes API double supports only JSON merge patch and JSON patch, not " + contentType);
        }
        boolean createOrReplace = method.equals("POST") || method.equals("PUT");
        String sent = createOrReplace ? withTypeFromUrl(uri, body) : body;
        MockResponse response = store.dispatch(request(storeMethod.get(), storeUri(method, uri), contentType, sent));
        String answer =
                response.getBody() == null ? "" : new String(response.getBody().getBytes(), UTF_8);
        return corrected(method, uri, response.code(), answer);
    }

    /** The mock's watch for {@code uri}; its replay and events arrive through {@code WebSocketListener.onOpen}. */
    WebSocketListener watch(String uri) {
        return store.handleWatch(uri).getWebSocketListener();
    }

    private Optional<Reply> document(String path) {
        if (HEALTH.contains(path)) {
            return Optional.of(new Reply(200, "text/plain", "ok"));
        }
        return documentJson(path).map(json -> Reply.json(200, json));
    }

    private Optional<String> documentJson(String path) {
        Matcher group = GROUP.matcher(path);
        Matcher groupVersion = GROUP_VERSION.matcher(path);
        if (path.equals("/version")) {
            return Optional.of(VERSION);
        } else if (path.equals("/api")) {
            return Optional.of(resources.coreVersions(serverAddress));
        } else if (path.equals("/apis")) {
            return Optional.of(resources.groups());
        } else if (path.equals("/api/v1")) {
            return resources.resourcesOf("", "v1");
        } else if (group.matches()) {
            return resources.group(group.group(1));
        } else if (groupVersion.matches()) {
            return resources.resourcesOf(groupVersion.group(1), groupVersion.group(2));
        }
        return Optional.empty();
    }

    private String withTypeFromUrl(String uri, String body) {
        Optional<ApiResource> resource = ResourcePath.parse(uri).flatMap(resources::find);
        if (resource.isEmpty()) {
            return body;
        }
        try {
            if (!(Serialization.jsonMapper().readTree(body) instanceof ObjectNode object)) {
                return body;
            }
            if (object.hasNonNull("kind") && object.hasNonNull("apiVersion")) {
                return body;
            }
            object.put("kind", resource.get().kind());
            object.put("apiVersion", resource.get().apiVersion());
            return object.toString();
        } catch (JacksonException notJson) {
            return body;
        }
    }

    private Reply corrected(String method, String uri, int status, String body) {
        if (status >= 400 && body.isBlank()) {
            return failureFor(uri, status);
        }
        if (method.equals("PATCH") && status == 202) {
            return Reply.json(200, body);
        }
        if (method.equals("POST") && status == 201 && pathOf(uri).equals(CRDS_PATH)) {
            serveAllVersions(Serialization.unmarshal(body, CustomResourceDefinition.class));
        }
        if (method.equals("DELETE") && status == 200 && answersStatusOnDelete(uri, body)) {
            return deleted(uri, body);
        }
        return Reply.json(status, body);
    }

    private void serveAllVersions(CustomResourceDefinition crd) {
        var spec = crd.getSpec();
        for (CustomResourceDefinitionVersion version : spec.getVersions()) {
            if (!Boolean.TRUE.equals(version.getServed())) {
                continue;
            }
            boolean statusSubresource = version.getSubresources() != null
                    && version.getSubresources().getStatus() != null;
            store.expectCustomResource(new CustomResourceDefinitionContext.Builder()
                    .withName(crd.getMetadata().getName())
                    .withGroup(spec.getGroup())
                    .withVersion(version.getName())
                    .withKind(spec.getNames().getKind())
                    .withPlural(spec.getNames().getPlural())
                    .withScope(spec.getScope())
                    .withStatusSubresource(statusSubresource)
                    .build());
            resources.addCustomResource(new ApiResource(
                    spec.getGroup(),
                    version.getName(),
                    spec.getNames().getKind(),
                    spec.getNames().getPlural(),
                    "Namespaced".equals(spec.getScope()),
                    spec.getNames().getShortNames()));
        }
    }

    private boolean answersStatusOnDelete(String uri, String body) {
        Optional<ResourcePath> path = ResourcePath.parse(uri);
        if (path.isEmpty()
                || path.get().name().isEmpty()
                || resources.isCustomResource(path.get())
                || DELETE_ANSWERS_OBJECT.contains(path.get().plural())) {
            return false;
        }
        JsonNode finalizers =
                Serialization.jsonMapper().readTree(body).path("metadata").path("finalizers");
        // an object with finalizers is only marked for deletion, and a real server answers it too
        return finalizers.isEmpty();
    }

    private static Reply deleted(String uri, String body) {
        ResourcePath path = ResourcePath.parse(uri).orElseThrow();
        JsonNode metadata = Serialization.jsonMapper().readTree(body).path("metadata");
        return Reply.json(
                200,
                Serialization.asJson(new StatusBuilder()
                        .withStatus("Success")
                        .withNewDetails()
                        .withName(metadata.path("name").asString())
                        .withGroup(path.group())
                        .withKind(path.plural())
                        .withUid(metadata.path("uid").asString())
                        .endDetails()
                        .build()));
    }

    private static Reply failureFor(String uri, int status) {
        Optional<ResourcePath> path = ResourcePath.parse(uri);
        String what = path.map(p ->
                        p.plural() + p.name().map(name -> " \"" + name + "\"").orElse(""))
                .orElse(pathOf(uri));
        return switch (status) {
            case 404 -> failure(404, "NotFound", what + " not found");
            case 409 -> failure(409, "Conflict", what + " conflicts with its current state");
            default -> failure(status, "InternalError", what + " failed with HTTP " + status);
        };
    }

    private static Reply failure(int status, String reason, String message) {
        return Reply.json(
                status,
                Serialization.asJson(new StatusBuilder()
                        .withStatus("Failure")
                        .withCode(status)
                        .withReason(reason)
                        .withMessage(message)
                        .build()));
    }

    private static RecordedRequest request(HttpMethod method, String uri, String contentType, String body) {
        Headers.Builder headers = Headers.builder();
        if (contentType != null) {
            headers.add("Content-Type", contentType);
        }
        return new RecordedRequest("HTTP/1.1", method, uri, headers.build(), new Buffer(body.getBytes(UTF_8)));
    }

    private static Optional<HttpMethod> storeMethod(String method) {
        return switch (method) {
            case "GET" -> Optional.of(HttpMethod.GET);
            case "POST" -> Optional.of(HttpMethod.POST);
            case "PUT" -> Optional.of(HttpMethod.PUT);
            case "PATCH" -> Optional.of(HttpMethod.PATCH);
            case "DELETE" -> Optional.of(HttpMethod.DELETE);
            default -> Optional.empty();
        };
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    /**
     * A write's query parameters ({@code fieldManager}, {@code fieldValidation}, {@code dryRun}, {@code force}) do
     * not change what the store keeps, and behind them it would not see that a path ends in {@code /status}.
     */
    private static String storeUri(String method, String uri) {
        boolean write = method.equals("POST") || method.equals("PUT") || method.equals("PATCH");
        return write ? pathOf(uri) : uri;
    }

    private static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
