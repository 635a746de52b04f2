package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Routes one HTTP request of the API: the version, health, discovery and OpenAPI documents, and every resource
 * path to {@link ObjectApi}. Watches are started by {@link ApiHttpHandler} through {@link #watch}.
 */
final class ApiRequests {

    static final String CRDS_PATH = "/apis/apiextensions.k8s.io/v1/customresourcedefinitions";
    private static final String JSON = "application/json";
    private static final Pattern GROUP = Pattern.compile("/apis/([^/]+)");
    private static final Pattern GROUP_VERSION = Pattern.compile("/apis/([^/]+)/([^/]+)");
    private static final Set<String> HEALTH = Set.of("/healthz", "/livez", "/readyz");
    // every field client-java's VersionInfo requires; the double implements no particular Kubernetes release
    private static final String VERSION =
            """
            {"major":"1","minor":"32","gitVersion":"v1.32.0-notebooks-api-double","gitCommit":"none",\
            "gitTreeState":"clean","buildDate":"1970-01-01T00:00:00Z","goVersion":"none","compiler":"none",\
            "platform":"linux/amd64"}""";

    private final ObjectApi api;
    private final OpenApiDocuments openApi;
    private final String serverAddress;
    private final PodHttp pods;

    ApiRequests(ObjectApi api, OpenApiDocuments openApi, String serverAddress, PodHttp pods) {
        this.api = api;
        this.openApi = openApi;
        this.serverAddress = serverAddress;
        this.pods = pods;
    }

    /** What a request carries besides its method and URL. */
    record Request(
            String method,
            String uri,
            Map<String, List<String>> query,
            String contentType,
            String accept,
            String userAgent,
            byte[] body) {

        String parameter(String name) {
            List<String> values = query.get(name);
            return values == null || values.isEmpty() ? null : values.get(0);
        }
    }

    record Reply(int status, String contentType, byte[] body, List<String> warnings) {

        static Reply json(int status, String body) {
            return new Reply(status, JSON, body.getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of());
        }

        static Reply json(int status, JsonNode body, List<String> warnings) {
            return new Reply(
                    status, JSON, Json.write(body).getBytes(java.nio.charset.StandardCharsets.UTF_8), warnings);
        }
    }

    Reply handle(Request request) {
        try {
            return route(request);
        } catch (ApiError refused) {
            return Reply.json(refused.status(), refused.toStatus(), List.of());
        }
    }

    private Reply route(Request request) throws ApiError {
        String path = withoutTrailingSlash(pathOf(request.uri()));
        Optional<Reply> podReply = pods.handle(request, path);
        if (podReply.isPresent()) {
            return podReply.get();
        }
        if (request.method().equals("GET")) {
            Optional<Reply> document = document(path, request);
            if (document.isPresent()) {
                return document.get();
            }
        }
        ResourcePath resource = ResourcePath.parse(request.uri()).orElseThrow(() -> notFound(path));
        ResourceType type = api.types()
                .find(resource.group(), resource.version(), resource.plural())
                .orElseThrow(() -> notFound(path));
        if (type.namespaced() != resource.namespace().isPresent()
                && resource.name().isPresent()) {
            throw notFound(path);
        }
        String namespace = resource.namespace().orElse(null);
        String version = resource.version();
        String subresource = resource.subresource().orElse("");
        if (!subresource.isEmpty() && !supports(type, subresource)) {
            throw notFound(path);
        }
        Optional<String> name = resource.name();
        return switch (request.method()) {
            case "GET" -> {
                if (PodTable.wanted(type, request.accept()) && subresource.isEmpty()) {
                    yield ok(podTable(
                            name.isEmpty()
                                    ? api.list(type, version, listOptions(request, namespace))
                                    : api.get(type, version, namespace, name.get()),
                            request));
                }
                if (name.isEmpty()) {
                    yield ok(api.list(type, version, listOptions(request, namespace)));
                }
                yield subresource.equals("scale")
                        ? ok(api.scale(type, namespace, name.get()))
                        : ok(api.get(type, version, namespace, name.get()));
            }
            case "POST" -> {
                if (name.isPresent()) {
                    throw new ApiError(405, "MethodNotAllowed", "POST is not allowed on " + path);
                }
                yield written(api.create(type, version, namespace, body(request), writeOptions(request)));
            }
            case "PUT" -> {
                String target = name.orElseThrow(() -> new ApiError(405, "MethodNotAllowed", "PUT needs a name"));
                if (subresource.equals("scale")) {
                    yield written(api.writeScale(
                            type,
                            namespace,
                            target,
                            request.contentType(),
                            text(request),
                            false,
                            writeOptions(request)));
                }
                yield written(api.update(
                        type, version, namespace, target, subresource, body(request), writeOptions(request)));
            }
            case "PATCH" -> {
                String target = name.orElseThrow(() -> new ApiError(405, "MethodNotAllowed", "PATCH needs a name"));
                if (subresource.equals("scale")) {
                    yield written(api.writeScale(
                            type,
                            namespace,
                            target,
                            request.contentType(),
                            text(request),
                            true,
                            writeOptions(request)));
                }
                yield written(api.patch(
                        type,
                        version,
                        namespace,
                        target,
                        subresource,
                        request.contentType(),
                        text(request),
                        writeOptions(request)));
            }
            case "DELETE" -> {
                ObjectApi.DeleteOptions options = deleteOptions(request);
                if (name.isEmpty()) {
                    yield ok(api.deleteCollection(type, version, listOptions(request, namespace), options));
                }
                yield written(api.delete(type, version, namespace, name.get(), options));
            }
            default -> throw new ApiError(405, "MethodNotAllowed", request.method() + " is not supported");
        };
    }

    /** A list or one pod as the Table kubectl asks for. */
    private static ObjectNode podTable(ObjectNode listOrPod, Request request) {
        boolean list = listOrPod.has("items");
        java.util.List<JsonNode> pods = new java.util.ArrayList<>();
        if (list) {
            listOrPod.path("items").forEach(pods::add);
        } else {
            pods.add(listOrPod);
        }
        String revision = list
                ? Json.text(listOrPod, "metadata", "resourceVersion")
                : Json.text(listOrPod, "metadata", "resourceVersion");
        ObjectNode table = PodTable.of(pods, revision, request.parameter("includeObject"), java.time.Clock.systemUTC());
        if (list && listOrPod.path("metadata").has("continue")) {
            Json.metadata(table).set("continue", listOrPod.path("metadata").get("continue"));
        }
        return table;
    }

    /** The watch a {@code ?watch=true} request asks for, or the refusal to answer instead. */
    record WatchRequest(
            ResourceType type,
            String version,
            String namespace,
            Long since,
            boolean bookmarks,
            java.util.function.Predicate<JsonNode> selector,
            boolean podTable,
            String includeObject) {}

    WatchRequest watch(Request request) throws ApiError {
        String path = withoutTrailingSlash(pathOf(request.uri()));
        ResourcePath resource = ResourcePath.parse(request.uri()).orElseThrow(() -> notFound(path));
        ResourceType type = api.types()
                .find(resource.group(), resource.version(), resource.plural())
                .orElseThrow(() -> notFound(path));
        String fieldSelector = request.parameter("fieldSelector");
        if (resource.name().isPresent()) {
            String byName = "metadata.name=" + resource.name().get();
            fieldSelector = fieldSelector == null || fieldSelector.isBlank() ? byName : fieldSelector + "," + byName;
        }
        var selector = ObjectApi.matcher(request.parameter("labelSelector"), fieldSelector);
        String resourceVersion = request.parameter("resourceVersion");
        Long since = null;
        if (resourceVersion != null && !resourceVersion.isBlank() && !resourceVersion.equals("0")) {
            try {
                since = Long.parseLong(resourceVersion);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest(
                        "resourceVersion " + resourceVersion + " is not a resourceVersion of this server");
            }
        }
        return new WatchRequest(
                type,
                resource.version(),
                type.namespaced() ? resource.namespace().orElse(null) : null,
                since,
                isTrue(request.parameter("allowWatchBookmarks")),
                selector,
                PodTable.wanted(type, request.accept()),
                request.parameter("includeObject"));
    }

    ObjectStore store() {
        return api.store();
    }

    private Optional<Reply> document(String path, Request request) {
        if (HEALTH.contains(path)) {
            return Optional.of(
                    new Reply(200, "text/plain", "ok".getBytes(java.nio.charset.StandardCharsets.UTF_8), List.of()));
        }
        if (path.startsWith("/openapi/")) {
            return Optional.of(openApi.answer(path, request.accept()));
        }
        Matcher group = GROUP.matcher(path);
        Matcher groupVersion = GROUP_VERSION.matcher(path);
        Optional<String> json = Optional.empty();
        if (path.equals("/version")) {
            json = Optional.of(VERSION);
        } else if (path.equals("/api")) {
            json = Optional.of(api.types().coreVersions(serverAddress));
        } else if (path.equals("/apis")) {
            json = Optional.of(api.types().groups());
        } else if (path.equals("/api/v1")) {
            json = api.types().resourcesOf("", "v1");
        } else if (group.matches()) {
            json = api.types().group(group.group(1));
        } else if (groupVersion.matches()) {
            json = api.types().resourcesOf(groupVersion.group(1), groupVersion.group(2));
        } else {
            return Optional.empty();
        }
        return Optional.of(json.map(body -> Reply.json(200, body))
                .orElseGet(() -> Reply.json(404, notFound(path).toStatus(), List.of())));
    }

    private static boolean supports(ResourceType type, String subresource) {
        return switch (subresource) {
            case "status" -> type.statusSubresource();
            case "scale" -> type.scaleSubresource();
            default -> false;
        };
    }

    private static ObjectApi.ListOptions listOptions(Request request, String namespace) throws ApiError {
        int limit = 0;
        String given = request.parameter("limit");
        if (given != null && !given.isBlank()) {
            try {
                limit = Integer.parseInt(given);
            } catch (NumberFormatException e) {
                throw ApiError.badRequest("limit must be a number, not " + given);
            }
        }
        return new ObjectApi.ListOptions(
                namespace,
                request.parameter("labelSelector"),
                request.parameter("fieldSelector"),
                Math.max(limit, 0),
                request.parameter("continue"));
    }

    private static ObjectApi.WriteOptions writeOptions(Request request) throws ApiError {
        return new ObjectApi.WriteOptions(
                ManagedFields.manager(request.parameter("fieldManager"), request.userAgent()),
                "All".equals(request.parameter("dryRun")),
                SchemaValidation.Mode.of(request.parameter("fieldValidation")));
    }

    private static ObjectApi.DeleteOptions deleteOptions(Request request) throws ApiError {
        String policy = request.parameter("propagationPolicy");
        String uid = null;
        String resourceVersion = null;
        Long gracePeriod = longOf(request.parameter("gracePeriodSeconds"));
        boolean dryRun = "All".equals(request.parameter("dryRun"));
        if (request.body() != null && request.body().length > 0) {
            JsonNode options = body(request);
            if (options.has("propagationPolicy")) {
                policy = options.get("propagationPolicy").asText();
            } else if (options.has("orphanDependents")) {
                policy = options.get("orphanDependents").asBoolean() ? "Orphan" : policy;
            }
            uid = options.path("preconditions").hasNonNull("uid")
                    ? options.path("preconditions").get("uid").asText()
                    : null;
            resourceVersion = options.path("preconditions").hasNonNull("resourceVersion")
                    ? options.path("preconditions").get("resourceVersion").asText()
                    : null;
            if (options.path("gracePeriodSeconds").isIntegralNumber()) {
                gracePeriod = options.path("gracePeriodSeconds").asLong();
            }
            for (JsonNode mode : options.path("dryRun")) {
                dryRun |= mode.asText().equals("All");
            }
        }
        return new ObjectApi.DeleteOptions(policy, uid, resourceVersion, dryRun, gracePeriod);
    }

    private static Long longOf(String value) throws ApiError {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Long.parseLong(value);
        } catch (NumberFormatException e) {
            throw ApiError.badRequest("gracePeriodSeconds must be a number, not " + value);
        }
    }

    private static JsonNode body(Request request) throws ApiError {
        String mediaType = ObjectPatch.mediaType(request.contentType());
        if (mediaType.equals(ProtobufBodies.MEDIA_TYPE)) {
            return ProtobufBodies.toJson(request.body());
        }
        try {
            if (mediaType.contains("yaml")) {
                return Json.YAML.readTree(request.body());
            }
            return Json.MAPPER.readTree(request.body());
        } catch (java.io.IOException e) {
            throw ApiError.badRequest("the body is not JSON: " + e.getMessage());
        }
    }

    private static String text(Request request) {
        return new String(request.body(), java.nio.charset.StandardCharsets.UTF_8);
    }

    private static Reply ok(ObjectNode body) {
        return Reply.json(200, body, List.of());
    }

    private static Reply written(ObjectApi.Written written) {
        return Reply.json(written.status(), written.object(), written.warnings());
    }

    private static ApiError notFound(String path) {
        return new ApiError(404, "NotFound", "the server could not find the requested resource (" + path + ")");
    }

    static boolean isTrue(String value) {
        return value != null && Set.of("true", "True", "TRUE", "t", "T", "1").contains(value);
    }

    private static String withoutTrailingSlash(String path) {
        return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
    }

    static String pathOf(String uri) {
        int query = uri.indexOf('?');
        return query < 0 ? uri : uri.substring(0, query);
    }
}
