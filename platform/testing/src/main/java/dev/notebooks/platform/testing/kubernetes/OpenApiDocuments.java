package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.custom.Quantity;
import java.lang.reflect.Field;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The OpenAPI documents kubectl and clients read: {@code /openapi/v3} (the index of group versions) and
 * {@code /openapi/v3/<api|apis/group>/<version>}, and {@code /openapi/v2} (all of it, as JSON). They are generated
 * from what the double serves: custom resources from their CRD's schema, built-in kinds from client-java's model
 * classes (members, types, required members) with Kubernetes' strategic-merge extensions from
 * {@link PatchStrategies}. Each write operation declares {@code fieldValidation}, {@code fieldManager} and
 * {@code dryRun}, so kubectl validates on the server as it does against a real one.
 */
final class OpenApiDocuments {

    private static final String JSON = "application/json";
    private static final List<String> WRITE_PARAMETERS = List.of("dryRun", "fieldManager", "fieldValidation");
    private static final Map<Class<?>, ObjectNode> MODEL_SCHEMAS = new java.util.concurrent.ConcurrentHashMap<>();

    private final ResourceTypes types;

    OpenApiDocuments(ResourceTypes types) {
        this.types = types;
    }

    ApiRequests.Reply answer(String path, String accept) {
        if (path.equals("/openapi/v3")) {
            return json(index());
        }
        if (path.startsWith("/openapi/v3/")) {
            String groupVersion = path.substring("/openapi/v3/".length());
            return groupVersionDocument(groupVersion, true)
                    .map(OpenApiDocuments::json)
                    .orElseGet(() -> notFound(path));
        }
        if (path.equals("/openapi/v2")) {
            if (accept != null && !accept.contains("json") && !accept.contains("*/*")) {
                ApiError error = new ApiError(
                        406, "NotAcceptable", "only application/json is served for /openapi/v2, not " + accept);
                return ApiRequests.Reply.json(406, error.toStatus(), List.of());
            }
            return json(swagger());
        }
        return notFound(path);
    }

    private ObjectNode index() {
        ObjectNode index = Json.object();
        ObjectNode paths = index.putObject("paths");
        for (String groupVersion : groupVersions()) {
            paths.putObject(groupVersion)
                    .put("serverRelativeURL", "/openapi/v3/" + groupVersion + "?hash=" + hash(groupVersion));
        }
        return index;
    }

    private String hash(String groupVersion) {
        return Integer.toHexString(groupVersionDocument(groupVersion, true)
                .map(Json::write)
                .orElse("")
                .hashCode());
    }

    private Set<String> groupVersions() {
        Set<String> groupVersions = new java.util.TreeSet<>();
        for (ResourceType type : types.all()) {
            for (String version : type.versions()) {
                groupVersions.add(prefix(type, version));
            }
        }
        return groupVersions;
    }

    private static String prefix(ResourceType type, String version) {
        return type.group().isEmpty() ? "api/" + version : "apis/" + type.group() + "/" + version;
    }

    /** An OpenAPI 3 document ({@code v3}) or the paths and definitions of a Swagger 2 one for one group version. */
    private Optional<ObjectNode> groupVersionDocument(String groupVersion, boolean v3) {
        List<ResourceType> served = types.all().stream()
                .filter(type -> type.versions().stream()
                        .anyMatch(version -> prefix(type, version).equals(groupVersion)))
                .toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        String version = groupVersion.substring(groupVersion.lastIndexOf('/') + 1);
        String refBase = v3 ? "#/components/schemas/" : "#/definitions/";
        ObjectNode document = Json.object();
        ObjectNode paths = Json.object();
        Map<String, ObjectNode> schemas = new LinkedHashMap<>();
        for (ResourceType type : served) {
            String schemaName = schemaName(type, version);
            ObjectNode schema = type.custom() ? customSchema(type, version) : builtInSchema(type, schemas, refBase);
            ObjectNode gvk = Json.object()
                    .put("group", type.group())
                    .put("version", version)
                    .put("kind", type.kind());
            schema.putArray("x-kubernetes-group-version-kind").add(gvk.deepCopy());
            schemas.put(schemaName, schema);
            addPaths(paths, type, version, refBase + schemaName, gvk, v3);
        }
        if (v3) {
            document.put("openapi", "3.0.0");
            document.putObject("info")
                    .put("title", "Kubernetes (notebook platform API double)")
                    .put("version", "v1.32.0");
            document.set("paths", paths);
            ObjectNode components = document.putObject("components").putObject("schemas");
            schemas.forEach(components::set);
        } else {
            document.set("paths", paths);
            ObjectNode definitions = document.putObject("definitions");
            schemas.forEach(definitions::set);
        }
        return Optional.of(document);
    }

    private ObjectNode swagger() {
        ObjectNode swagger = Json.object().put("swagger", "2.0");
        swagger.putObject("info")
                .put("title", "Kubernetes (notebook platform API double)")
                .put("version", "v1.32.0");
        ObjectNode paths = swagger.putObject("paths");
        ObjectNode definitions = swagger.putObject("definitions");
        for (String groupVersion : groupVersions()) {
            groupVersionDocument(groupVersion, false).ifPresent(document -> {
                document.path("paths").fields().forEachRemaining(path -> paths.set(path.getKey(), path.getValue()));
                document.path("definitions")
                        .fields()
                        .forEachRemaining(definition -> definitions.set(definition.getKey(), definition.getValue()));
            });
        }
        return swagger;
    }

    private static String schemaName(ResourceType type, String version) {
        if (type.custom()) {
            List<String> parts = new java.util.ArrayList<>(List.of(type.group().split("\\.")));
            java.util.Collections.reverse(parts);
            return String.join(".", parts) + "." + version + "." + type.kind();
        }
        String group = type.group().isEmpty() ? "core" : type.group().split("\\.")[0];
        return "io.k8s.api." + group + "." + version + "." + type.kind();
    }

    private static ObjectNode customSchema(ResourceType type, String version) {
        JsonNode schema = type.schemas().get(version);
        ObjectNode copy = schema != null && schema.isObject()
                ? (ObjectNode) schema.deepCopy()
                : Json.object().put("type", "object");
        ObjectNode properties = Json.objectAt(copy, "properties");
        properties.putObject("apiVersion").put("type", "string");
        properties.putObject("kind").put("type", "string");
        properties.putObject("metadata").put("type", "object");
        return copy;
    }

    /** The kind's schema, and every model schema it refers to added to {@code schemas}. */
    private static ObjectNode builtInSchema(ResourceType type, Map<String, ObjectNode> schemas, String refBase) {
        Optional<Class<?>> model = type.modelClass().flatMap(ModelTypes::model);
        if (model.isEmpty()) {
            return Json.object().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
        }
        Deque<Class<?>> pending = new ArrayDeque<>();
        ObjectNode schema = modelSchema(model.get(), pending, refBase).deepCopy();
        Set<Class<?>> done = new java.util.HashSet<>();
        done.add(model.get());
        while (!pending.isEmpty()) {
            Class<?> next = pending.pop();
            if (done.add(next)) {
                schemas.putIfAbsent(next.getSimpleName(), modelSchema(next, pending, refBase));
            }
        }
        return schema;
    }

    private static ObjectNode modelSchema(Class<?> model, Deque<Class<?>> pending, String refBase) {
        ObjectNode schema = Json.object().put("type", "object");
        ObjectNode properties = schema.putObject("properties");
        for (ModelTypes.Member member : ModelTypes.members(model).values()) {
            ObjectNode property = typeSchema(member.type(), member.element(), pending, refBase);
            PatchStrategies.list(model, member.json()).ifPresent(strategy -> {
                property.put("x-kubernetes-patch-strategy", strategy.retainKeys() ? "merge,retainKeys" : "merge");
                if (!strategy.mergeKey().isEmpty()) {
                    property.put("x-kubernetes-patch-merge-key", strategy.mergeKey());
                }
            });
            if (PatchStrategies.retainsKeys(model, member.json())) {
                property.put("x-kubernetes-patch-strategy", "retainKeys");
            }
            properties.set(member.json(), property);
        }
        Collection<String> required = requiredMembers(model);
        if (!required.isEmpty()) {
            ArrayNode list = schema.putArray("required");
            required.stream().sorted().forEach(list::add);
        }
        return schema;
    }

    private static ObjectNode typeSchema(Class<?> type, Class<?> element, Deque<Class<?>> pending, String refBase) {
        if (type == String.class) {
            return Json.object().put("type", "string");
        }
        if (type == Integer.class || type == Long.class || type == int.class || type == long.class) {
            return Json.object()
                    .put("type", "integer")
                    .put("format", type == Long.class || type == long.class ? "int64" : "int32");
        }
        if (type == Boolean.class || type == boolean.class) {
            return Json.object().put("type", "boolean");
        }
        if (type == Double.class || type == Float.class || type == BigDecimal.class) {
            return Json.object().put("type", "number").put("format", "double");
        }
        if (type == OffsetDateTime.class) {
            return Json.object().put("type", "string").put("format", "date-time");
        }
        if (type == byte[].class) {
            return Json.object().put("type", "string").put("format", "byte");
        }
        if (type == Quantity.class || type == IntOrString.class) {
            ObjectNode intOrString = Json.object().put("x-kubernetes-int-or-string", true);
            intOrString
                    .putArray("anyOf")
                    .add(Json.object().put("type", "integer"))
                    .add(Json.object().put("type", "string"));
            return intOrString;
        }
        if (List.class.isAssignableFrom(type)) {
            ObjectNode array = Json.object().put("type", "array");
            array.set("items", element == null ? Json.object() : typeSchema(element, null, pending, refBase));
            return array;
        }
        if (Map.class.isAssignableFrom(type)) {
            ObjectNode map = Json.object().put("type", "object");
            map.set(
                    "additionalProperties",
                    element == null ? Json.object() : typeSchema(element, null, pending, refBase));
            return map;
        }
        if (ModelTypes.isModel(type)) {
            pending.push(type);
            ObjectNode ref = Json.object();
            ref.putArray("allOf").addObject().put("$ref", refBase + type.getSimpleName());
            return ref;
        }
        return Json.object().put("type", "object").put("x-kubernetes-preserve-unknown-fields", true);
    }

    @SuppressWarnings("unchecked")
    private static Collection<String> requiredMembers(Class<?> model) {
        try {
            Field required = model.getField("openapiRequiredFields");
            Object value = required.get(null);
            return value instanceof Collection<?> names ? (Collection<String>) names : List.of();
        } catch (ReflectiveOperationException e) {
            return List.of();
        }
    }

    private void addPaths(ObjectNode paths, ResourceType type, String version, String ref, ObjectNode gvk, boolean v3) {
        String base = "/" + prefix(type, version);
        String collection = base + (type.namespaced() ? "/namespaces/{namespace}/" : "/") + type.plural();
        String item = collection + "/{name}";
        paths.set(
                collection,
                operations(type, ref, gvk, v3, List.of("get:list", "post:post", "delete:deletecollection")));
        paths.set(item, operations(type, ref, gvk, v3, List.of("get:get", "put:put", "patch:patch", "delete:delete")));
        if (type.statusSubresource()) {
            paths.set(item + "/status", operations(type, ref, gvk, v3, List.of("get:get", "put:put", "patch:patch")));
        }
        if (type.namespaced()) {
            paths.set(base + "/" + type.plural(), operations(type, ref, gvk, v3, List.of("get:list")));
        }
    }

    private ObjectNode operations(ResourceType type, String ref, ObjectNode gvk, boolean v3, List<String> verbs) {
        ObjectNode path = Json.object();
        for (String verb : verbs) {
            String method = verb.substring(0, verb.indexOf(':'));
            String action = verb.substring(verb.indexOf(':') + 1);
            ObjectNode operation = path.putObject(method);
            operation.put("operationId", action + type.kind());
            operation.put("x-kubernetes-action", action);
            operation.set("x-kubernetes-group-version-kind", gvk.deepCopy());
            ArrayNode parameters = operation.putArray("parameters");
            if (Set.of("post", "put", "patch").contains(method)) {
                for (String name : WRITE_PARAMETERS) {
                    ObjectNode parameter = parameters
                            .addObject()
                            .put("name", name)
                            .put("in", "query")
                            .put("description", name);
                    if (v3) {
                        parameter.putObject("schema").put("type", "string").put("uniqueItems", true);
                    } else {
                        parameter.put("type", "string").put("uniqueItems", true);
                    }
                }
                if (v3) {
                    ObjectNode content = operation.putObject("requestBody").putObject("content");
                    for (String mediaType : method.equals("patch") ? patchTypes(type) : List.of(JSON)) {
                        if (method.equals("patch")) {
                            content.putObject(mediaType).putObject("schema").put("type", "object");
                        } else {
                            content.putObject(mediaType).putObject("schema").put("$ref", ref);
                        }
                    }
                }
            }
            ObjectNode ok = operation.putObject("responses").putObject("200").put("description", "OK");
            if (v3) {
                ok.putObject("content").putObject(JSON).putObject("schema").put("$ref", ref);
            } else {
                ok.putObject("schema").put("$ref", ref);
            }
        }
        return path;
    }

    private static List<String> patchTypes(ResourceType type) {
        return type.custom()
                ? List.of(ObjectPatch.JSON_PATCH, ObjectPatch.MERGE_PATCH, ObjectPatch.APPLY_PATCH)
                : List.of(
                        ObjectPatch.JSON_PATCH,
                        ObjectPatch.MERGE_PATCH,
                        ObjectPatch.STRATEGIC_MERGE_PATCH,
                        ObjectPatch.APPLY_PATCH);
    }

    private static ApiRequests.Reply json(JsonNode document) {
        return new ApiRequests.Reply(200, JSON, Json.write(document).getBytes(UTF_8), List.of());
    }

    private static ApiRequests.Reply notFound(String path) {
        return ApiRequests.Reply.json(
                404,
                new ApiError(404, "NotFound", "the server could not find the requested resource (" + path + ")")
                        .toStatus(),
                List.of());
    }
}
