package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What the API server does with objects, whatever the transport: create, read, list, update, patch and delete with
 * a real server's rules. One stored object serves every version of its kind; metadata the server owns (uid,
 * resourceVersion, generation, creationTimestamp, managedFields) is its own; status subresources keep status and the
 * rest apart; finalizers hold a deletion; owner references cascade through the {@link GarbageCollector}; namespaces
 * must exist and, once deleted, take what is in them along; custom resources are checked against their schema;
 * built-in kinds get the defaults a real server gives them; admission plugins may refuse or change a write.
 */
final class ObjectApi {

    /** A plugin that sees every create, update and delete before it is stored, inside the write. */
    interface Admission {
        void admit(AdmissionRequest request) throws ApiError;
    }

    /** {@code operation} is CREATE, UPDATE or DELETE; {@code object} may be changed by a mutating plugin. */
    record AdmissionRequest(
            String operation,
            ResourceType type,
            String subresource,
            ObjectNode object,
            ObjectNode previous,
            ObjectApi api) {}

    /** How a write was asked for: who writes, whether to store it, and how to treat unknown fields. */
    record WriteOptions(String manager, boolean dryRun, SchemaValidation.Mode validation) {

        static WriteOptions by(String manager) {
            return new WriteOptions(manager, false, SchemaValidation.Mode.WARN);
        }
    }

    /** The answer to a write: its status code, the object (in the version asked for) and warnings. */
    record Written(int status, ObjectNode object, List<String> warnings) {}

    /** What to list: a namespace (null for all) and selectors; {@code limit} 0 for everything. */
    record ListOptions(String namespace, String labelSelector, String fieldSelector, int limit, String continueToken) {}

    interface Writing<T> {
        T run() throws ApiError;
    }

    private static final Pattern DNS_SUBDOMAIN =
            Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?(\\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*");
    private static final Pattern DNS_LABEL = Pattern.compile("[a-z0-9]([-a-z0-9]*[a-z0-9])?");
    private static final Set<String> LABEL_NAMED = Set.of("/namespaces", "/services");
    private static final Set<String> ANY_NAME = Set.of("/events", "events.k8s.io/events");
    private static final String ALPHANUMERIC = "bcdfghjklmnpqrstvwxz2456789";

    private final ObjectStore store;
    private final ResourceTypes types;
    private final Defaults defaults = new Defaults();
    private final List<Admission> admissions = new CopyOnWriteArrayList<>();
    private volatile Predicate<JsonNode> gracefulPods = pod -> false;
    private final GarbageCollector collector;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    ObjectApi(ObjectStore store, ResourceTypes types, Clock clock) {
        this.store = store;
        this.types = types;
        this.clock = clock;
        this.collector = new GarbageCollector(this, store);
    }

    ObjectStore store() {
        return store;
    }

    ResourceTypes types() {
        return types;
    }

    GarbageCollector collector() {
        return collector;
    }

    void addAdmission(Admission admission) {
        admissions.add(admission);
    }

    /** Which pods are deleted gracefully: those a (simulated) kubelet runs and will delete for good. */
    void gracefulPodDeletion(Predicate<JsonNode> runByAKubelet) {
        gracefulPods = runByAKubelet;
    }

    String now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.SECONDS).toString();
    }

    // ---- reads ----

    ObjectNode get(ResourceType type, String version, String namespace, String name) throws ApiError {
        ObjectNode stored = store.read(() -> store.get(type.groupResource(), scope(type, namespace), name))
                .orElseThrow(() -> ApiError.notFound(type, name));
        return view(type, version, stored);
    }

    ObjectNode list(ResourceType type, String version, ListOptions options) throws ApiError {
        Predicate<JsonNode> matches = matcher(options.labelSelector(), options.fieldSelector());
        String namespace = type.namespaced() ? options.namespace() : null;
        String after = decodeContinue(options.continueToken());
        record Page(List<ObjectNode> items, long revision, boolean more, long remaining) {}
        Page page = store.read(() -> {
            List<ObjectNode> items = new ArrayList<>();
            long remaining = 0;
            for (ObjectNode object : store.list(type.groupResource(), namespace)) {
                if (after != null && key(object).compareTo(after) <= 0 || !matches.test(object)) {
                    continue;
                }
                if (options.limit() > 0 && items.size() >= options.limit()) {
                    remaining++;
                } else {
                    items.add(object);
                }
            }
            return new Page(items, store.revision(), remaining > 0, remaining);
        });
        ObjectNode list = Json.object().put("kind", type.kind() + "List").put("apiVersion", type.apiVersion(version));
        ObjectNode metadata = list.putObject("metadata").put("resourceVersion", Long.toString(page.revision()));
        if (page.more()) {
            String last = key(page.items().get(page.items().size() - 1));
            metadata.put("continue", Base64.getUrlEncoder().encodeToString(last.getBytes(StandardCharsets.UTF_8)));
            metadata.put("remainingItemCount", page.remaining());
        }
        ArrayNode items = list.putArray("items");
        page.items().forEach(object -> items.add(view(type, version, object)));
        return list;
    }

    static Predicate<JsonNode> matcher(String labelSelector, String fieldSelector) throws ApiError {
        try {
            return Selectors.labels(labelSelector).and(Selectors.fields(fieldSelector));
        } catch (Selectors.Invalid invalid) {
            throw ApiError.badRequest(invalid.getMessage());
        }
    }

    private static String key(JsonNode object) {
        return Json.text(object, "metadata", "namespace") + "/" + Json.text(object, "metadata", "name");
    }

    private static String decodeContinue(String token) throws ApiError {
        if (token == null || token.isBlank()) {
            return null;
        }
        try {
            return new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw ApiError.badRequest("continue key is not valid: " + e.getMessage());
        }
    }

    /** The stored object as the version a request named: the same object, with that {@code apiVersion}. */
    static ObjectNode view(ResourceType type, String version, ObjectNode stored) {
        ObjectNode view = Json.object();
        view.put("apiVersion", type.apiVersion(version)).put("kind", type.kind());
        stored.fields().forEachRemaining(member -> {
            if (!member.getKey().equals("apiVersion") && !member.getKey().equals("kind")) {
                view.set(member.getKey(), member.getValue());
            }
        });
        return view;
    }

    // ---- writes ----

    <T> T write(Writing<T> writing) throws ApiError {
        try {
            return store.write(() -> {
                try {
                    return writing.run();
                } catch (ApiError refused) {
                    throw new Refused(refused);
                }
            });
        } catch (Refused refused) {
            throw refused.error;
        }
    }

    private static final class Refused extends RuntimeException {
        final ApiError error;

        Refused(ApiError error) {
            super(null, null, false, false);
            this.error = error;
        }
    }

    Written create(ResourceType type, String version, String namespace, JsonNode body, WriteOptions options)
            throws ApiError {
        ObjectNode object = requireObject(body);
        checkTypeOf(object, type, version);
        ObjectNode metadata = Json.metadata(object);
        if (type.namespaced()) {
            String given = Json.text(metadata, "namespace");
            if (namespace == null) {
                throw ApiError.badRequest(
                        "a " + type.kind() + " is namespaced: create it under /namespaces/<namespace>");
            }
            if (!given.isEmpty() && !given.equals(namespace)) {
                throw ApiError.badRequest(
                        "the namespace of the provided object does not match the namespace sent on the request");
            }
            metadata.put("namespace", namespace);
        } else {
            metadata.remove("namespace");
        }
        if (Json.text(metadata, "name").isEmpty()
                && !Json.text(metadata, "generateName").isEmpty()) {
            metadata.put("name", Json.text(metadata, "generateName") + randomSuffix());
        }
        String name = Json.text(metadata, "name");
        checkName(type, name);
        for (String owned : List.of(
                "uid",
                "resourceVersion",
                "deletionTimestamp",
                "deletionGracePeriodSeconds",
                "generation",
                "managedFields",
                "selfLink")) {
            metadata.remove(owned);
        }
        if (type.statusSubresource()) {
            object.remove("status");
        }
        object.put("apiVersion", type.apiVersion(type.storageVersion())).put("kind", type.kind());
        List<String> warnings =
                type.custom() ? SchemaValidation.check(type, version, object, options.validation(), name) : List.of();
        ObjectNode created = write(() -> {
            if (store.get(type.groupResource(), scope(type, namespace), name).isPresent()) {
                throw ApiError.alreadyExists(type, name);
            }
            if (type.namespaced()) {
                requireLiveNamespace(namespace);
            }
            defaults.apply(type, object, null);
            metadata.put("uid", UUID.randomUUID().toString()).put("creationTimestamp", now());
            if (type.countsGeneration()) {
                metadata.put("generation", 1);
            }
            ManagedFields.record(object, null, options.manager(), type.apiVersion(version), "", now());
            admit("CREATE", type, "", object, null);
            if (options.dryRun()) {
                return object;
            }
            ObjectNode stored = store.put(type.groupResource(), object);
            if (type.plural().equals("customresourcedefinitions")) {
                types.addCustomResource(stored);
            }
            collector.created(stored);
            return stored;
        });
        return new Written(201, view(type, version, created), warnings);
    }

    Written update(
            ResourceType type,
            String version,
            String namespace,
            String name,
            String subresource,
            JsonNode body,
            WriteOptions options)
            throws ApiError {
        ObjectNode object = requireObject(body);
        checkTypeOf(object, type, version);
        String named = Json.text(object, "metadata", "name");
        if (!named.isEmpty() && !named.equals(name)) {
            throw ApiError.badRequest(
                    "the name of the object (" + named + ") does not match the name on the URL (" + name + ")");
        }
        String resourceVersion = Json.text(object, "metadata", "resourceVersion");
        if (resourceVersion.isEmpty() && type.custom() && !subresource.equals("status")) {
            throw ApiError.invalid(
                    type,
                    name,
                    List.of(new ApiError.Cause(
                            "FieldValueInvalid",
                            "Invalid value: 0x0: must be specified for an update",
                            "metadata.resourceVersion")));
        }
        return write(() -> {
            ObjectNode old = current(type, namespace, name);
            if (!resourceVersion.isEmpty() && !resourceVersion.equals(Json.text(old, "metadata", "resourceVersion"))) {
                throw ApiError.conflict(type, name);
            }
            return commit(type, version, old, object, subresource, options);
        });
    }

    Written patch(
            ResourceType type,
            String version,
            String namespace,
            String name,
            String subresource,
            String contentType,
            String body,
            WriteOptions options)
            throws ApiError {
        String mediaType = ObjectPatch.mediaType(contentType);
        if (mediaType.equals(ObjectPatch.APPLY_PATCH)
                || (type.custom() && mediaType.equals(ObjectPatch.STRATEGIC_MERGE_PATCH))) {
            throw ApiError.unsupportedMediaType(contentType);
        }
        Optional<Class<?>> model = type.modelClass().flatMap(ModelTypes::model);
        return write(() -> {
            ObjectNode old = current(type, namespace, name);
            JsonNode patched = ObjectPatch.apply(
                    contentType, body, view(type, version, old).deepCopy(), model);
            ObjectNode object = requireObject(patched);
            String resourceVersion = Json.text(object, "metadata", "resourceVersion");
            if (!resourceVersion.isEmpty() && !resourceVersion.equals(Json.text(old, "metadata", "resourceVersion"))) {
                throw ApiError.conflict(type, name);
            }
            return commit(type, version, old, object, subresource, options);
        });
    }

    /** Stores {@code proposed} as the new state of {@code old}; call inside {@link #write}. */
    Written commit(
            ResourceType type,
            String version,
            ObjectNode old,
            ObjectNode proposed,
            String subresource,
            WriteOptions options)
            throws ApiError {
        String name = Json.text(old, "metadata", "name");
        ObjectNode next;
        if (subresource.equals("status")) {
            next = old.deepCopy();
            if (proposed.has("status")) {
                next.set("status", proposed.get("status").deepCopy());
            } else {
                next.remove("status");
            }
        } else {
            next = proposed.deepCopy();
            // a binding (the scheduler's) sets spec.nodeName and the PodScheduled condition in one write
            if (type.statusSubresource() && !subresource.equals("binding")) {
                if (old.has("status")) {
                    next.set("status", old.get("status").deepCopy());
                } else {
                    next.remove("status");
                }
            }
            if (type.plural().equals("namespaces") && type.group().isEmpty()) {
                JsonNode finalizers = old.path("spec").get("finalizers");
                if (finalizers != null) {
                    Json.objectAt(next, "spec").set("finalizers", finalizers.deepCopy());
                }
            }
        }
        next.put("apiVersion", type.apiVersion(type.storageVersion())).put("kind", type.kind());
        ObjectNode metadata = Json.metadata(next);
        JsonNode oldMetadata = old.path("metadata");
        for (String kept : List.of(
                "uid",
                "creationTimestamp",
                "deletionTimestamp",
                "deletionGracePeriodSeconds",
                "namespace",
                "name",
                "generation")) {
            if (oldMetadata.has(kept)) {
                metadata.set(kept, oldMetadata.get(kept).deepCopy());
            } else {
                metadata.remove(kept);
            }
        }
        List<String> warnings =
                type.custom() ? SchemaValidation.check(type, version, next, options.validation(), name) : List.of();
        defaults.apply(type, next, old);
        if (oldMetadata.has("deletionTimestamp")) {
            Set<String> before = strings(oldMetadata.path("finalizers"));
            for (String finalizer : strings(metadata.path("finalizers"))) {
                if (!before.contains(finalizer)) {
                    throw ApiError.invalid(
                            type,
                            name,
                            List.of(new ApiError.Cause(
                                    "FieldValueForbidden",
                                    "Forbidden: no new finalizers can be added if the object is being deleted, found new finalizers [\""
                                            + finalizer + "\"]",
                                    "metadata.finalizers")));
                }
            }
        }
        if (type.countsGeneration() && !sameSpec(old, next)) {
            metadata.put("generation", oldMetadata.path("generation").asLong(0) + 1);
        }
        ManagedFields.record(next, old, options.manager(), type.apiVersion(version), subresource, now());
        if (sameIgnoringServerFields(old, next)) {
            return new Written(200, view(type, version, old), warnings);
        }
        admit("UPDATE", type, subresource, next, old);
        if (options.dryRun()) {
            return new Written(200, view(type, version, next), warnings);
        }
        if (metadata.has("deletionTimestamp") && nothingHolds(type, next)) {
            ObjectNode gone = remove(type, next);
            return new Written(200, view(type, version, gone), warnings);
        }
        ObjectNode stored = store.put(type.groupResource(), next);
        if (type.plural().equals("customresourcedefinitions")) {
            types.addCustomResource(stored);
        }
        collector.changed(type, old, stored);
        return new Written(200, view(type, version, stored), warnings);
    }

    /** DeleteOptions as sent in the body or the query. */
    record DeleteOptions(
            String propagationPolicy, String uid, String resourceVersion, boolean dryRun, Long gracePeriodSeconds) {}

    Written delete(ResourceType type, String version, String namespace, String name, DeleteOptions options)
            throws ApiError {
        return write(() -> {
            ObjectNode old = current(type, namespace, name);
            if (options.uid() != null && !options.uid().equals(Json.text(old, "metadata", "uid"))
                    || options.resourceVersion() != null
                            && !options.resourceVersion().equals(Json.text(old, "metadata", "resourceVersion"))) {
                throw new ApiError(
                        409,
                        "Conflict",
                        "Operation cannot be fulfilled on " + type.plural() + " \"" + name
                                + "\": Precondition failed: UID or ResourceVersion in precondition does not match the object");
            }
            admit("DELETE", type, "", old, old);
            if (options.dryRun()) {
                return new Written(200, view(type, version, old), List.of());
            }
            return deleteStored(type, version, old, options.propagationPolicy(), options.gracePeriodSeconds());
        });
    }

    /** Deletes a stored object as a DELETE does; call inside {@link #write}. */
    Written deleteStored(ResourceType type, String version, ObjectNode old, String propagationPolicy) throws ApiError {
        return deleteStored(type, version, old, propagationPolicy, null);
    }

    /**
     * Deletes a stored object as a DELETE does, a pod that a kubelet runs gracefully: it is marked with
     * {@code deletionTimestamp} (now plus its grace period) and {@code deletionGracePeriodSeconds}, and its kubelet
     * deletes it for good (grace period 0) once its containers have stopped. Call inside {@link #write}.
     */
    Written deleteStored(
            ResourceType type, String version, ObjectNode old, String propagationPolicy, Long gracePeriodSeconds)
            throws ApiError {
        long grace = gracePeriod(type, old, gracePeriodSeconds);
        if (grace > 0) {
            ObjectNode next = old.deepCopy();
            ObjectNode metadata = Json.metadata(next);
            long current = metadata.path("deletionGracePeriodSeconds").asLong(Long.MAX_VALUE);
            if (!metadata.has("deletionTimestamp") || grace < current) {
                metadata.put(
                                "deletionTimestamp",
                                Instant.now(clock)
                                        .plusSeconds(grace)
                                        .truncatedTo(ChronoUnit.SECONDS)
                                        .toString())
                        .put("deletionGracePeriodSeconds", grace);
                ObjectNode stored = store.put(type.groupResource(), next);
                collector.deleting(type, stored);
                return new Written(200, view(type, version, stored), List.of());
            }
            return new Written(200, view(type, version, old), List.of());
        }
        return deleteNow(type, version, old, propagationPolicy);
    }

    /** Pods a kubelet runs get a grace period (the one asked for, else their own); everything else goes at once. */
    private long gracePeriod(ResourceType type, ObjectNode object, Long asked) {
        if (!type.group().isEmpty() || !type.plural().equals("pods") || !gracefulPods.test(object)) {
            return 0;
        }
        String phase = Json.text(object, "status", "phase");
        if (phase.equals("Succeeded") || phase.equals("Failed")) {
            return 0;
        }
        long grace = asked != null
                ? asked
                : object.path("spec").path("terminationGracePeriodSeconds").asLong(30);
        return Math.max(grace, 0);
    }

    private Written deleteNow(ResourceType type, String version, ObjectNode old, String propagationPolicy)
            throws ApiError {
        boolean namespace = type.group().isEmpty() && type.plural().equals("namespaces");
        String policy = propagationPolicy == null || propagationPolicy.isBlank() ? "Background" : propagationPolicy;
        if (!Set.of("Background", "Foreground", "Orphan").contains(policy)) {
            throw ApiError.badRequest(
                    "propagationPolicy must be one of Background, Foreground or Orphan, not " + policy);
        }
        ObjectNode next = old.deepCopy();
        ObjectNode metadata = Json.metadata(next);
        ArrayNode finalizers =
                metadata.get("finalizers") instanceof ArrayNode list ? list : metadata.putArray("finalizers");
        Set<String> present = strings(finalizers);
        if (!namespace && policy.equals("Foreground") && !present.contains(GarbageCollector.FOREGROUND)) {
            finalizers.add(GarbageCollector.FOREGROUND);
        }
        if (!namespace && policy.equals("Orphan") && !present.contains(GarbageCollector.ORPHAN)) {
            finalizers.add(GarbageCollector.ORPHAN);
        }
        if (finalizers.isEmpty()) {
            metadata.remove("finalizers");
        }
        if (namespace) {
            Json.objectAt(next, "status").put("phase", "Terminating");
        }
        if (!namespace && nothingHolds(type, next)) {
            ObjectNode gone = remove(type, next);
            boolean answersObject =
                    type.custom() || Set.of("pods", "namespaces").contains(type.plural());
            return new Written(200, answersObject ? view(type, version, gone) : deletedStatus(type, gone), List.of());
        }
        if (!metadata.has("deletionTimestamp")) {
            metadata.put("deletionTimestamp", now()).put("deletionGracePeriodSeconds", 0);
        }
        if (next.equals(old)) {
            return new Written(202, view(type, version, old), List.of());
        }
        ObjectNode stored = store.put(type.groupResource(), next);
        collector.deleting(type, stored);
        return new Written(namespace ? 200 : 202, view(type, version, stored), List.of());
    }

    private ObjectNode remove(ResourceType type, ObjectNode object) {
        ObjectNode gone = store.remove(
                        type.groupResource(),
                        Json.text(object, "metadata", "namespace"),
                        Json.text(object, "metadata", "name"))
                .orElseThrow();
        if (type.plural().equals("customresourcedefinitions")) {
            types.find(new GroupResource(
                            Json.text(object, "spec", "group"), Json.text(object, "spec", "names", "plural")))
                    .ifPresent(custom -> collector.removeAll(custom));
        }
        collector.removed(type, gone);
        return gone;
    }

    private static boolean nothingHolds(ResourceType type, ObjectNode object) {
        boolean namespace = type.group().isEmpty() && type.plural().equals("namespaces");
        return object.path("metadata").path("finalizers").isEmpty()
                && (!namespace || object.path("spec").path("finalizers").isEmpty());
    }

    private static ObjectNode deletedStatus(ResourceType type, JsonNode gone) {
        ObjectNode status =
                Json.object().put("kind", "Status").put("apiVersion", "v1").put("status", "Success");
        status.putObject("metadata");
        ObjectNode details = status.putObject("details")
                .put("name", Json.text(gone, "metadata", "name"))
                .put("kind", type.plural())
                .put("uid", Json.text(gone, "metadata", "uid"));
        if (!type.group().isEmpty()) {
            details.put("group", type.group());
        }
        return status;
    }

    ObjectNode deleteCollection(ResourceType type, String version, ListOptions options, DeleteOptions deleteOptions)
            throws ApiError {
        Predicate<JsonNode> matches = matcher(options.labelSelector(), options.fieldSelector());
        String namespace = type.namespaced() ? options.namespace() : null;
        return write(() -> {
            ObjectNode list =
                    Json.object().put("kind", type.kind() + "List").put("apiVersion", type.apiVersion(version));
            ArrayNode items = list.putArray("items");
            for (ObjectNode object : store.list(type.groupResource(), namespace)) {
                if (matches.test(object)) {
                    admit("DELETE", type, "", object, object);
                    if (!deleteOptions.dryRun()) {
                        deleteStored(
                                type,
                                version,
                                object,
                                deleteOptions.propagationPolicy(),
                                deleteOptions.gracePeriodSeconds());
                    }
                    items.add(view(type, version, object));
                }
            }
            list.putObject("metadata").put("resourceVersion", Long.toString(store.revision()));
            return list;
        });
    }

    // ---- scale ----

    ObjectNode scale(ResourceType type, String namespace, String name) throws ApiError {
        ObjectNode object = store.read(() -> store.get(type.groupResource(), scope(type, namespace), name))
                .orElseThrow(() -> ApiError.notFound(type, name));
        return scaleOf(object);
    }

    Written writeScale(
            ResourceType type,
            String namespace,
            String name,
            String contentType,
            String body,
            boolean patch,
            WriteOptions options)
            throws ApiError {
        return write(() -> {
            ObjectNode old = current(type, namespace, name);
            JsonNode scale;
            if (patch) {
                scale = ObjectPatch.apply(contentType, body, scaleOf(old), ModelTypes.model("V1Scale"));
            } else {
                try {
                    scale = Json.parse(body);
                } catch (Exception e) {
                    throw ApiError.badRequest("the body is not a JSON Scale object");
                }
            }
            JsonNode replicas = scale.path("spec").path("replicas");
            if (!replicas.isIntegralNumber() || replicas.asInt() < 0) {
                throw ApiError.invalid(
                        type,
                        name,
                        List.of(new ApiError.Cause(
                                "FieldValueInvalid",
                                "Invalid value: " + replicas + ": must be greater than or equal to 0",
                                "spec.replicas")));
            }
            ObjectNode proposed = old.deepCopy();
            Json.objectAt(proposed, "spec").put("replicas", replicas.asInt());
            Written written = commit(type, type.storageVersion(), old, proposed, "", options);
            return new Written(200, scaleOf(written.object()), written.warnings());
        });
    }

    private static ObjectNode scaleOf(ObjectNode object) {
        ObjectNode scale = Json.object().put("kind", "Scale").put("apiVersion", "autoscaling/v1");
        ObjectNode metadata = scale.putObject("metadata");
        for (String member : List.of("name", "namespace", "uid", "resourceVersion", "creationTimestamp")) {
            if (object.path("metadata").has(member)) {
                metadata.set(member, object.path("metadata").get(member));
            }
        }
        scale.putObject("spec")
                .put("replicas", object.path("spec").path("replicas").asInt(0));
        ObjectNode status = scale.putObject("status")
                .put("replicas", object.path("status").path("replicas").asInt(0));
        List<String> selector = new ArrayList<>();
        object.path("spec")
                .path("selector")
                .path("matchLabels")
                .fields()
                .forEachRemaining(label ->
                        selector.add(label.getKey() + "=" + label.getValue().asText()));
        status.put("selector", String.join(",", selector));
        return scale;
    }

    // ---- helpers ----

    /** The stored object; call inside {@link #write}. */
    ObjectNode current(ResourceType type, String namespace, String name) throws ApiError {
        return store.get(type.groupResource(), scope(type, namespace), name)
                .orElseThrow(() -> ApiError.notFound(type, name));
    }

    private void requireLiveNamespace(String namespace) throws ApiError {
        ResourceType namespaces =
                types.find(new GroupResource("", "namespaces")).orElseThrow();
        ObjectNode found = store.get(namespaces.groupResource(), "", namespace)
                .orElseThrow(() -> ApiError.notFound(namespaces, namespace));
        if (found.path("metadata").has("deletionTimestamp")) {
            throw new ApiError(
                    403,
                    "Forbidden",
                    "unable to create new content in namespace " + namespace + " because it is being terminated");
        }
    }

    private void admit(String operation, ResourceType type, String subresource, ObjectNode object, ObjectNode old)
            throws ApiError {
        for (Admission admission : admissions) {
            admission.admit(new AdmissionRequest(operation, type, subresource, object, old, this));
        }
    }

    private static String scope(ResourceType type, String namespace) {
        return type.namespaced() ? (namespace == null ? "" : namespace) : "";
    }

    private static ObjectNode requireObject(JsonNode body) throws ApiError {
        if (!(body instanceof ObjectNode object)) {
            throw ApiError.badRequest("the body must be a JSON object");
        }
        return object;
    }

    private static void checkTypeOf(ObjectNode object, ResourceType type, String version) throws ApiError {
        String apiVersion = Json.text(object, "apiVersion");
        String kind = Json.text(object, "kind");
        if (!apiVersion.isEmpty() && !apiVersion.equals(type.apiVersion(version))) {
            throw ApiError.badRequest("the API version in the data (" + apiVersion
                    + ") does not match the expected API version (" + type.apiVersion(version) + ")");
        }
        if (!kind.isEmpty() && !kind.equals(type.kind())) {
            throw ApiError.badRequest(
                    "the kind in the data (" + kind + ") does not match the expected kind (" + type.kind() + ")");
        }
    }

    private static void checkName(ResourceType type, String name) throws ApiError {
        String key = type.group() + "/" + type.plural();
        if (name.isEmpty()) {
            throw ApiError.invalid(
                    type,
                    name,
                    List.of(new ApiError.Cause(
                            "FieldValueRequired",
                            "Required value: name or generateName is required",
                            "metadata.name")));
        }
        if (ANY_NAME.contains(key)) {
            return;
        }
        if (type.group().equals("rbac.authorization.k8s.io")) {
            // RBAC names are path segments (Kubeflow's "namespaceAdmin" binding is valid)
            if (name.equals(".") || name.equals("..") || name.contains("/") || name.contains("%")) {
                throw ApiError.invalid(
                        type,
                        name,
                        List.of(new ApiError.Cause(
                                "FieldValueInvalid",
                                "Invalid value: \"" + name
                                        + "\": may not be '.' or '..' and may not contain '/' or '%'",
                                "metadata.name")));
            }
            return;
        }
        boolean label = LABEL_NAMED.contains(key);
        int limit = label ? 63 : 253;
        if (name.length() > limit
                || !(label ? DNS_LABEL : DNS_SUBDOMAIN).matcher(name).matches()) {
            String rule = label
                    ? "a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character"
                    : "a lowercase RFC 1123 subdomain must consist of lower case alphanumeric characters, '-' or '.', and must start and end with an alphanumeric character";
            throw ApiError.invalid(
                    type,
                    name,
                    List.of(new ApiError.Cause(
                            "FieldValueInvalid", "Invalid value: \"" + name + "\": " + rule, "metadata.name")));
        }
    }

    private String randomSuffix() {
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 5; i++) {
            suffix.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return suffix.toString();
    }

    private static boolean sameSpec(JsonNode a, JsonNode b) {
        ObjectNode left = a.deepCopy();
        ObjectNode right = b.deepCopy();
        for (ObjectNode side : List.of(left, right)) {
            side.remove("metadata");
            side.remove("status");
        }
        return left.equals(right);
    }

    private static boolean sameIgnoringServerFields(ObjectNode old, ObjectNode next) {
        ObjectNode left = old.deepCopy();
        ObjectNode right = next.deepCopy();
        for (ObjectNode side : List.of(left, right)) {
            Json.metadata(side).remove("managedFields");
            Json.metadata(side).remove("resourceVersion");
        }
        return left.equals(right);
    }

    static Set<String> strings(JsonNode list) {
        Set<String> values = new HashSet<>();
        list.forEach(value -> values.add(value.asText()));
        return values;
    }
}
