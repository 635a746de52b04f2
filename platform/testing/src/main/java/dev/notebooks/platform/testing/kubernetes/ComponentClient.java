package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.function.UnaryOperator;

/**
 * How a simulated component (kubelet, scheduler, a controller) reads and writes: through {@link ObjectApi}, with its
 * own field manager, so what it writes is stored, versioned, admitted and watched like any client's write.
 */
final class ComponentClient {

    private final ObjectApi api;
    private final ObjectApi.WriteOptions options;
    private final ClusterEvents events;
    private final String component;

    ComponentClient(ObjectApi api, ClusterEvents events, String component) {
        this.api = api;
        this.events = events;
        this.component = component;
        this.options = ObjectApi.WriteOptions.by(component);
    }

    String component() {
        return component;
    }

    ObjectApi api() {
        return api;
    }

    String now() {
        return api.now();
    }

    ResourceType type(GroupResource resource) throws ApiError {
        return api.types()
                .find(resource)
                .orElseThrow(() -> new ApiError(404, "NotFound", "the server does not serve " + resource));
    }

    boolean serves(GroupResource resource) {
        return api.types().find(resource).isPresent();
    }

    Optional<ObjectNode> get(GroupResource resource, String namespace, String name) {
        return api.store().read(() -> api.store().get(resource, namespace == null ? "" : namespace, name));
    }

    /** Objects of a kind in {@code namespace} (null: everywhere) that match. */
    List<ObjectNode> list(GroupResource resource, String namespace, Predicate<JsonNode> matching) {
        return api.store().read(() -> api.store().list(resource, namespace).stream()
                .filter(matching)
                .toList());
    }

    List<ObjectNode> list(GroupResource resource, String namespace) {
        return list(resource, namespace, object -> true);
    }

    /** The objects whose owner references name {@code ownerUid}, of one kind. */
    List<ObjectNode> owned(GroupResource resource, String ownerUid) {
        return api.store().read(() -> api.store().dependentsOf(ownerUid).stream()
                .filter(ref -> ref.resource().equals(resource))
                .map(ref -> api.store().get(ref).orElse(null))
                .filter(java.util.Objects::nonNull)
                .toList());
    }

    ObjectNode create(GroupResource resource, String namespace, ObjectNode object) throws ApiError {
        ResourceType type = type(resource);
        return api.create(type, type.storageVersion(), namespace, object, options)
                .object();
    }

    /**
     * Changes the current object (re-read inside the write, so nothing is lost to a concurrent writer); a change that
     * changes nothing is not stored. Empty when the object is gone or has another uid.
     */
    Optional<ObjectNode> change(GroupResource resource, ObjectNode seen, UnaryOperator<ObjectNode> change)
            throws ApiError {
        return change(resource, seen, "", change);
    }

    Optional<ObjectNode> changeStatus(GroupResource resource, ObjectNode seen, UnaryOperator<ObjectNode> change)
            throws ApiError {
        return change(resource, seen, "status", change);
    }

    /** A change through a subresource: {@code status}, or {@code binding} (spec and status in one write). */
    Optional<ObjectNode> change(
            GroupResource resource, ObjectNode seen, String subresource, UnaryOperator<ObjectNode> change)
            throws ApiError {
        ResourceType type = type(resource);
        String namespace = Json.text(seen, "metadata", "namespace");
        String name = Json.text(seen, "metadata", "name");
        String uid = Json.text(seen, "metadata", "uid");
        return api.write(() -> {
            ObjectNode current = api.store()
                    .get(resource, type.namespaced() ? namespace : "", name)
                    .orElse(null);
            if (current == null || !Json.text(current, "metadata", "uid").equals(uid)) {
                return Optional.empty();
            }
            ObjectNode next = change.apply(current.deepCopy());
            if (next == null) {
                return Optional.of(current);
            }
            var written = api.commit(type, type.storageVersion(), current, next, subresource, options);
            return Optional.of(written.object());
        });
    }

    /** Deletes as a client's DELETE does; {@code gracePeriodSeconds} null for the object's own. */
    void delete(GroupResource resource, ObjectNode seen, Long gracePeriodSeconds) throws ApiError {
        ResourceType type = type(resource);
        String uid = Json.text(seen, "metadata", "uid");
        try {
            api.delete(
                    type,
                    type.storageVersion(),
                    Json.text(seen, "metadata", "namespace"),
                    Json.text(seen, "metadata", "name"),
                    new ObjectApi.DeleteOptions("Background", uid, null, false, gracePeriodSeconds));
        } catch (ApiError error) {
            if (error.status() != 404 && error.status() != 409) {
                throw error;
            }
        }
    }

    void normal(ObjectNode involved, String reason, String message) {
        events.record(this, involved, "", "Normal", reason, message);
    }

    void warning(ObjectNode involved, String reason, String message) {
        events.record(this, involved, "", "Warning", reason, message);
    }

    /** An event about one container of a pod ({@code fieldPath} {@code spec.containers{name}}). */
    void containerEvent(ObjectNode pod, String container, String type, String reason, String message) {
        events.record(this, pod, "spec.containers{" + container + "}", type, reason, message);
    }
}
