package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.locks.ReentrantReadWriteLock;
import java.util.function.Supplier;

/**
 * Every stored object, indexed by kind, namespace and name, with one resourceVersion counter for all of them, a
 * window of recent changes per kind for watches that resume, and the open watches. Objects are stored at their
 * storage version and never changed in place: a write stores a new node.
 *
 * <p>Writes run one at a time inside {@link #write}, which also hands each change to the matching watches before the
 * next write starts, so every watch sees every change after its start in order. Reads run in parallel inside
 * {@link #read}. Nothing a watch does can fail a write: a watch only queues what it is given.
 */
final class ObjectStore {

    /** One change of one object, as a watch sends it. {@code previous} is the object before the change, if any. */
    record Change(long revision, String type, ObjectNode object, ObjectNode previous) {}

    /** Where an object is stored. */
    record Ref(GroupResource resource, String namespace, String name) {}

    /** A watch's side of the store: what it wants to see and where it queues what it is given. */
    interface Subscriber {
        void changed(Change change);
    }

    private final ReentrantReadWriteLock lock = new ReentrantReadWriteLock();
    private final Map<GroupResource, Bucket> buckets = new HashMap<>();
    private final Map<String, Ref> byUid = new HashMap<>();
    private final Map<String, Set<Ref>> dependentsByOwner = new HashMap<>();
    private final int window;
    private final List<Runnable> afterRemoval = new ArrayList<>();
    private long revision;

    ObjectStore(int window) {
        this.window = window;
    }

    private static final class Bucket {
        final NavigableMap<String, NavigableMap<String, ObjectNode>> byNamespace = new TreeMap<>();
        final ArrayDeque<Change> recent = new ArrayDeque<>();
        final Map<Subscriber, String> watches = new HashMap<>();
        long evictedThrough;
    }

    <T> T read(Supplier<T> reading) {
        lock.readLock().lock();
        try {
            return reading.get();
        } finally {
            lock.readLock().unlock();
        }
    }

    <T> T write(Supplier<T> writing) {
        lock.writeLock().lock();
        try {
            return writing.get();
        } finally {
            lock.writeLock().unlock();
        }
    }

    long revision() {
        return revision;
    }

    Optional<ObjectNode> get(GroupResource resource, String namespace, String name) {
        Bucket bucket = buckets.get(resource);
        if (bucket == null) {
            return Optional.empty();
        }
        NavigableMap<String, ObjectNode> names = bucket.byNamespace.get(namespace);
        return names == null ? Optional.empty() : Optional.ofNullable(names.get(name));
    }

    Optional<Ref> byUid(String uid) {
        return Optional.ofNullable(byUid.get(uid));
    }

    Optional<ObjectNode> get(Ref ref) {
        return get(ref.resource(), ref.namespace(), ref.name());
    }

    /** Objects of a kind in one namespace ({@code ""} for cluster-scoped ones), or in all when {@code namespace} is null, sorted by namespace and name. */
    List<ObjectNode> list(GroupResource resource, String namespace) {
        Bucket bucket = buckets.get(resource);
        if (bucket == null) {
            return List.of();
        }
        if (namespace != null) {
            NavigableMap<String, ObjectNode> names = bucket.byNamespace.get(namespace);
            return names == null ? List.of() : new ArrayList<>(names.values());
        }
        List<ObjectNode> all = new ArrayList<>();
        bucket.byNamespace.values().forEach(names -> all.addAll(names.values()));
        return all;
    }

    /** Kinds with at least one object in {@code namespace}. */
    List<GroupResource> kindsIn(String namespace) {
        return buckets.entrySet().stream()
                .filter(entry -> {
                    var names = entry.getValue().byNamespace.get(namespace);
                    return names != null && !names.isEmpty();
                })
                .map(Map.Entry::getKey)
                .toList();
    }

    /** The objects whose owner references name {@code ownerUid}. */
    List<Ref> dependentsOf(String ownerUid) {
        return List.copyOf(dependentsByOwner.getOrDefault(ownerUid, Set.of()));
    }

    /** Runs after every removal, inside the write, e.g. to let the garbage collector look again. */
    void afterRemoval(Runnable hook) {
        afterRemoval.add(hook);
    }

    /** Stores {@code object} (a new node nobody changes later) with the next resourceVersion. Call inside {@link #write}. */
    ObjectNode put(GroupResource resource, ObjectNode object) {
        requireWriting();
        String namespace = Json.text(object, "metadata", "namespace");
        String name = Json.text(object, "metadata", "name");
        Bucket bucket = buckets.computeIfAbsent(resource, key -> new Bucket());
        ObjectNode previous = bucket.byNamespace
                .computeIfAbsent(namespace, key -> new TreeMap<>())
                .get(name);
        revision++;
        Json.metadata(object).put("resourceVersion", Long.toString(revision));
        bucket.byNamespace.get(namespace).put(name, object);
        var ref = new Ref(resource, namespace, name);
        if (previous != null) {
            unindexOwners(previous, ref);
        }
        byUid.put(Json.text(object, "metadata", "uid"), ref);
        indexOwners(object, ref);
        publish(bucket, new Change(revision, previous == null ? "ADDED" : "MODIFIED", object, previous));
        return object;
    }

    /** Removes the object, with a last resourceVersion of its own for the DELETED event. Call inside {@link #write}. */
    Optional<ObjectNode> remove(GroupResource resource, String namespace, String name) {
        requireWriting();
        Bucket bucket = buckets.get(resource);
        NavigableMap<String, ObjectNode> names = bucket == null ? null : bucket.byNamespace.get(namespace);
        ObjectNode previous = names == null ? null : names.remove(name);
        if (previous == null) {
            return Optional.empty();
        }
        if (names.isEmpty()) {
            bucket.byNamespace.remove(namespace);
        }
        revision++;
        ObjectNode gone = previous.deepCopy();
        Json.metadata(gone).put("resourceVersion", Long.toString(revision));
        var ref = new Ref(resource, namespace, name);
        byUid.remove(Json.text(previous, "metadata", "uid"));
        unindexOwners(previous, ref);
        publish(bucket, new Change(revision, "DELETED", gone, previous));
        afterRemoval.forEach(Runnable::run);
        return Optional.of(gone);
    }

    /**
     * Subscribes a watch to a kind ({@code namespace} null for all namespaces). With {@code since} null it first
     * gets every current object as ADDED; with a resourceVersion it gets the changes after it, or empty when those
     * have left the window (the caller answers 410 Gone). Call inside {@link #write}.
     */
    Optional<List<Change>> subscribe(GroupResource resource, String namespace, Long since, Subscriber subscriber) {
        requireWriting();
        Bucket bucket = buckets.computeIfAbsent(resource, key -> new Bucket());
        List<Change> replay = new ArrayList<>();
        if (since == null) {
            for (ObjectNode object : list(resource, namespace)) {
                replay.add(new Change(revision, "ADDED", object, null));
            }
        } else {
            if (since < bucket.evictedThrough) {
                return Optional.empty();
            }
            for (Change change : bucket.recent) {
                if (change.revision() > since && inNamespace(change.object(), namespace)) {
                    replay.add(change);
                }
            }
        }
        bucket.watches.put(subscriber, namespace == null ? "*" : namespace);
        return Optional.of(replay);
    }

    void unsubscribe(GroupResource resource, Subscriber subscriber) {
        write(() -> {
            Bucket bucket = buckets.get(resource);
            if (bucket != null) {
                bucket.watches.remove(subscriber);
            }
            return null;
        });
    }

    Collection<Subscriber> subscribers() {
        return read(() -> {
            List<Subscriber> all = new ArrayList<>();
            buckets.values().forEach(bucket -> all.addAll(bucket.watches.keySet()));
            return all;
        });
    }

    private void publish(Bucket bucket, Change change) {
        bucket.recent.addLast(change);
        while (bucket.recent.size() > window) {
            bucket.evictedThrough = bucket.recent.removeFirst().revision();
        }
        bucket.watches.forEach((subscriber, namespace) -> {
            if (namespace.equals("*") || inNamespace(change.object(), namespace)) {
                subscriber.changed(change);
            }
        });
    }

    private static boolean inNamespace(ObjectNode object, String namespace) {
        return namespace == null || namespace.equals(Json.text(object, "metadata", "namespace"));
    }

    private void indexOwners(ObjectNode object, Ref ref) {
        for (String owner : ownerUids(object)) {
            dependentsByOwner.computeIfAbsent(owner, key -> new HashSet<>()).add(ref);
        }
    }

    private void unindexOwners(ObjectNode object, Ref ref) {
        for (String owner : ownerUids(object)) {
            Set<Ref> dependents = dependentsByOwner.get(owner);
            if (dependents != null) {
                dependents.remove(ref);
                if (dependents.isEmpty()) {
                    dependentsByOwner.remove(owner);
                }
            }
        }
    }

    private static List<String> ownerUids(JsonNode object) {
        List<String> uids = new ArrayList<>();
        object.path("metadata")
                .path("ownerReferences")
                .forEach(owner -> uids.add(owner.path("uid").asText()));
        return uids;
    }

    private void requireWriting() {
        if (!lock.isWriteLockedByCurrentThread()) {
            throw new IllegalStateException("store writes run inside write()");
        }
    }
}
