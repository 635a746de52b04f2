package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What kube-controller-manager's garbage collector and namespace controller do, on one thread of its own, after the
 * write that calls for it (so, as on a cluster, a cascade is seen a moment after the delete that caused it):
 *
 * <ul>
 *   <li>an object whose owners are all gone is deleted (background cascade); one that still has an owner loses the
 *       references to the owners that are gone;
 *   <li>an owner deleted with {@code propagationPolicy=Foreground} (finalizer {@code foregroundDeletion}) has its
 *       dependents deleted first and goes when none is left;
 *   <li>an owner deleted with {@code Orphan} (finalizer {@code orphan}) leaves its dependents, without the
 *       reference to it;
 *   <li>a deleted namespace ({@code Terminating}) has everything in it deleted, then its {@code kubernetes}
 *       finalizer removed, and goes;
 *   <li>deleting a CustomResourceDefinition deletes its custom resources and stops serving them.
 * </ul>
 */
final class GarbageCollector implements AutoCloseable {

    static final String FOREGROUND = "foregroundDeletion";
    static final String ORPHAN = "orphan";
    private static final Logger LOG = LoggerFactory.getLogger(GarbageCollector.class);

    private final ObjectApi api;
    private final ObjectStore store;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(runnable -> {
        Thread thread = new Thread(runnable, "kubernetes-api-double-garbage-collector");
        thread.setDaemon(true);
        return thread;
    });

    GarbageCollector(ObjectApi api, ObjectStore store) {
        this.api = api;
        this.store = store;
    }

    /** An object was marked for deletion (deletionTimestamp set). Called inside the write. */
    void deleting(ResourceType type, ObjectNode object) {
        String uid = Json.text(object, "metadata", "uid");
        if (isNamespace(type)) {
            later(() -> terminate(Json.text(object, "metadata", "name")));
            return;
        }
        var finalizers = ObjectApi.strings(object.path("metadata").path("finalizers"));
        if (finalizers.contains(FOREGROUND)) {
            later(() -> foreground(uid));
        }
        if (finalizers.contains(ORPHAN)) {
            later(() -> orphan(uid));
        }
    }

    /**
     * An object was created. As the real collector, which looks up a new dependent's owners: one whose owners are all
     * gone already (a controller that wrote a child from a cache that had not yet seen its owner's deletion) is
     * collected. Called inside the write.
     */
    void created(ObjectNode stored) {
        for (JsonNode owner : stored.path("metadata").path("ownerReferences")) {
            String ownerUid = owner.path("uid").asText();
            later(() -> {
                if (store.read(() -> store.byUid(ownerUid)).isEmpty()) {
                    ownerGone(ownerUid);
                }
            });
        }
    }

    /** An object was written. Called inside the write. */
    void changed(ResourceType type, ObjectNode old, ObjectNode stored) {
        if (stored.path("metadata").has("deletionTimestamp")) {
            deleting(type, stored);
        }
    }

    /** An object is gone. Called inside the write. */
    void removed(ResourceType type, ObjectNode gone) {
        String uid = Json.text(gone, "metadata", "uid");
        later(() -> ownerGone(uid));
        for (JsonNode owner : gone.path("metadata").path("ownerReferences")) {
            String ownerUid = owner.path("uid").asText();
            later(() -> foreground(ownerUid));
        }
        String namespace = Json.text(gone, "metadata", "namespace");
        if (!namespace.isEmpty()) {
            later(() -> terminate(namespace));
        }
    }

    /** A CustomResourceDefinition is gone: its objects go, and the kind is no longer served. */
    void removeAll(ResourceType custom) {
        for (ObjectNode object : store.list(custom.groupResource(), null)) {
            store.remove(
                    custom.groupResource(),
                    Json.text(object, "metadata", "namespace"),
                    Json.text(object, "metadata", "name"));
        }
        api.types().remove(custom.groupResource());
    }

    private void ownerGone(String ownerUid) {
        for (ObjectStore.Ref ref : store.read(() -> store.dependentsOf(ownerUid))) {
            act("collect " + ref, () -> {
                ObjectNode dependent = store.get(ref).orElse(null);
                if (dependent == null) {
                    return null;
                }
                ResourceType type = typeOf(ref);
                ArrayNode owners = (ArrayNode) dependent.path("metadata").path("ownerReferences");
                ArrayNode live = Json.array();
                owners.forEach(owner -> {
                    if (store.byUid(owner.path("uid").asText()).isPresent()) {
                        live.add(owner.deepCopy());
                    }
                });
                if (live.isEmpty()) {
                    if (!dependent.path("metadata").has("deletionTimestamp")) {
                        api.deleteStored(type, type.storageVersion(), dependent, "Background");
                    }
                } else if (live.size() < owners.size()) {
                    ObjectNode next = dependent.deepCopy();
                    Json.metadata(next).set("ownerReferences", live);
                    api.commit(
                            type,
                            type.storageVersion(),
                            dependent,
                            next,
                            "",
                            ObjectApi.WriteOptions.by("generic-garbage-collector"));
                }
                return null;
            });
        }
    }

    private void foreground(String ownerUid) {
        act("foreground deletion of " + ownerUid, () -> {
            ObjectStore.Ref ref = store.byUid(ownerUid).orElse(null);
            ObjectNode owner = ref == null ? null : store.get(ref).orElse(null);
            if (owner == null
                    || !ObjectApi.strings(owner.path("metadata").path("finalizers"))
                            .contains(FOREGROUND)) {
                return null;
            }
            List<ObjectStore.Ref> dependents = store.dependentsOf(ownerUid);
            if (dependents.isEmpty()) {
                removeFinalizer(typeOf(ref), owner, FOREGROUND);
                return null;
            }
            for (ObjectStore.Ref dependentRef : dependents) {
                ObjectNode dependent = store.get(dependentRef).orElse(null);
                if (dependent != null && !dependent.path("metadata").has("deletionTimestamp")) {
                    ResourceType type = typeOf(dependentRef);
                    boolean hasDependents = !store.dependentsOf(Json.text(dependent, "metadata", "uid"))
                            .isEmpty();
                    api.deleteStored(
                            type, type.storageVersion(), dependent, hasDependents ? "Foreground" : "Background");
                }
            }
            return null;
        });
    }

    private void orphan(String ownerUid) {
        act("orphaning the dependents of " + ownerUid, () -> {
            ObjectStore.Ref ref = store.byUid(ownerUid).orElse(null);
            ObjectNode owner = ref == null ? null : store.get(ref).orElse(null);
            if (owner == null) {
                return null;
            }
            for (ObjectStore.Ref dependentRef : store.dependentsOf(ownerUid)) {
                ObjectNode dependent = store.get(dependentRef).orElseThrow();
                ObjectNode next = dependent.deepCopy();
                ArrayNode kept = Json.array();
                dependent.path("metadata").path("ownerReferences").forEach(reference -> {
                    if (!reference.path("uid").asText().equals(ownerUid)) {
                        kept.add(reference.deepCopy());
                    }
                });
                if (kept.isEmpty()) {
                    Json.metadata(next).remove("ownerReferences");
                } else {
                    Json.metadata(next).set("ownerReferences", kept);
                }
                ResourceType type = typeOf(dependentRef);
                api.commit(
                        type,
                        type.storageVersion(),
                        dependent,
                        next,
                        "",
                        ObjectApi.WriteOptions.by("generic-garbage-collector"));
            }
            removeFinalizer(typeOf(ref), store.get(ref).orElseThrow(), ORPHAN);
            return null;
        });
    }

    private void terminate(String namespace) {
        act("terminating namespace " + namespace, () -> {
            ResourceType namespaces =
                    api.types().find(new GroupResource("", "namespaces")).orElseThrow();
            ObjectNode found =
                    store.get(namespaces.groupResource(), "", namespace).orElse(null);
            if (found == null || !found.path("metadata").has("deletionTimestamp")) {
                return null;
            }
            List<GroupResource> left = store.kindsIn(namespace);
            for (GroupResource kind : left) {
                ResourceType type = api.types().find(kind).orElse(null);
                if (type == null) {
                    continue;
                }
                for (ObjectNode object : store.list(kind, namespace)) {
                    if (!object.path("metadata").has("deletionTimestamp")) {
                        api.deleteStored(type, type.storageVersion(), object, "Background");
                    }
                }
            }
            if (store.kindsIn(namespace).isEmpty()) {
                ObjectNode next = found.deepCopy();
                Json.objectAt(next, "spec").putArray("finalizers");
                ObjectNode stored =
                        store.get(namespaces.groupResource(), "", namespace).orElseThrow();
                if (stored.path("metadata").path("finalizers").isEmpty()) {
                    store.remove(namespaces.groupResource(), "", namespace);
                } else {
                    store.put(namespaces.groupResource(), next);
                }
            }
            return null;
        });
    }

    private void removeFinalizer(ResourceType type, ObjectNode owner, String finalizer) throws ApiError {
        ObjectNode next = owner.deepCopy();
        ArrayNode kept = Json.array();
        owner.path("metadata").path("finalizers").forEach(name -> {
            if (!name.asText().equals(finalizer)) {
                kept.add(name.asText());
            }
        });
        if (kept.isEmpty()) {
            Json.metadata(next).remove("finalizers");
        } else {
            Json.metadata(next).set("finalizers", kept);
        }
        api.commit(
                type, type.storageVersion(), owner, next, "", ObjectApi.WriteOptions.by("generic-garbage-collector"));
    }

    private ResourceType typeOf(ObjectStore.Ref ref) throws ApiError {
        return api.types()
                .find(ref.resource())
                .orElseThrow(() -> new ApiError(404, "NotFound", "no longer served: " + ref.resource()));
    }

    private static boolean isNamespace(ResourceType type) {
        return type.group().isEmpty() && type.plural().equals("namespaces");
    }

    private void later(Runnable task) {
        if (!worker.isShutdown()) {
            worker.execute(task);
        }
    }

    private void act(String what, ObjectApi.Writing<Void> work) {
        try {
            api.write(work);
        } catch (ApiError refused) {
            LOG.debug("Garbage collector: {} refused: {}", what, refused.getMessage());
        } catch (RuntimeException e) {
            LOG.warn("Garbage collector: {} failed", what, e);
        }
    }

    @Override
    public void close() {
        worker.shutdownNow();
        try {
            worker.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
