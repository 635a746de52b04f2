package dev.notebooks.notebook.controller;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.status.EventReissue;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The Events about each notebook's pod and StatefulSet, and those already on the Notebook, indexed by notebook as the
 * events informer delivers them, so a pass re-issues what is new without scanning every Event of the cluster. Whether
 * an event was re-issued is read from the Notebook's own Events (an event of the same reason and message at least as
 * new), so a restart re-issues nothing twice.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class PodEvents {

    private static final String NOTEBOOK_KIND = Notebook.KIND;

    private final InformerCache cache;
    // namespace/notebook -> event uid -> event
    private final Map<String, Map<String, CoreV1Event>> sources = new ConcurrentHashMap<>();
    private final Map<String, Map<String, CoreV1Event>> onNotebooks = new ConcurrentHashMap<>();

    PodEvents(InformerCache cache) {
        this.cache = cache;
    }

    /** The informer's mapping: remembers the event and names the notebook to reconcile (none for our own). */
    Collection<String> observe(CoreV1Event event) {
        V1ObjectReference involved = event.getInvolvedObject();
        String namespace =
                event.getMetadata() == null ? null : event.getMetadata().getNamespace();
        String uid = event.getMetadata() == null ? null : event.getMetadata().getUid();
        if (involved == null || namespace == null || uid == null) {
            return List.of();
        }
        if (NOTEBOOK_KIND.equals(involved.getKind())) {
            onNotebooks
                    .computeIfAbsent(key(namespace, involved.getName()), k -> new ConcurrentHashMap<>())
                    .put(uid, event);
            return List.of();
        }
        Map<String, String> podLabels = "Pod".equals(involved.getKind())
                ? cache.get(ResourceTypes.POD, namespace, involved.getName())
                        .map(pod -> pod.getMetadata().getLabels())
                        .orElse(null)
                : null;
        Optional<EventReissue.Reissued> reissued = EventReissue.of(event, podLabels);
        if (reissued.isEmpty()) {
            return List.of();
        }
        sources.computeIfAbsent(key(namespace, reissued.get().notebook()), k -> new ConcurrentHashMap<>())
                .put(uid, event);
        return List.of(reissued.get().notebook());
    }

    /** @return the events to re-issue on the notebook now; each is taken as re-issued */
    List<EventReissue.Reissued> toReissue(Notebook notebook) {
        String key = key(notebook.namespace(), notebook.name());
        Map<String, CoreV1Event> about = current(sources, key);
        if (about.isEmpty()) {
            return List.of();
        }
        Instant created = notebook.getMetadata().getCreationTimestamp() == null
                ? Instant.MIN
                : notebook.getMetadata().getCreationTimestamp().toInstant();
        List<CoreV1Event> already = onNotebook(notebook);
        List<EventReissue.Reissued> result = new ArrayList<>();
        for (CoreV1Event event : about.values()) {
            Instant time = time(event);
            if (time.isBefore(created.minusSeconds(1))) {
                continue;
            }
            Map<String, String> podLabels =
                    "Pod".equals(event.getInvolvedObject().getKind())
                            ? cache.get(
                                            ResourceTypes.POD,
                                            notebook.namespace(),
                                            event.getInvolvedObject().getName())
                                    .map(V1Pod::getMetadata)
                                    .map(meta -> meta.getLabels())
                                    .orElse(null)
                            : null;
            EventReissue.of(event, podLabels)
                    .filter(reissue -> notebook.name().equals(reissue.notebook()))
                    .filter(reissue -> already.stream()
                            .noneMatch(
                                    done -> same(done, reissue) && !time(done).isBefore(time)))
                    .ifPresent(result::add);
        }
        return result;
    }

    /** The Events on the Notebook itself (re-issued ones included), for the list's reasons. */
    List<CoreV1Event> onNotebook(Notebook notebook) {
        String uid = notebook.getMetadata().getUid();
        return current(onNotebooks, key(notebook.namespace(), notebook.name())).values().stream()
                .filter(event ->
                        uid == null || uid.equals(event.getInvolvedObject().getUid()))
                .toList();
    }

    /** Forgets a notebook that is gone. */
    void forget(String namespace, String name) {
        sources.remove(key(namespace, name));
        onNotebooks.remove(key(namespace, name));
    }

    // drops what the cache no longer has (Events expire)
    private Map<String, CoreV1Event> current(Map<String, Map<String, CoreV1Event>> index, String key) {
        Map<String, CoreV1Event> events = index.get(key);
        if (events == null) {
            return Map.of();
        }
        events.values().removeIf(event -> cache.get(
                        ResourceTypes.EVENT,
                        event.getMetadata().getNamespace(),
                        event.getMetadata().getName())
                .isEmpty());
        return events;
    }

    private static boolean same(CoreV1Event done, EventReissue.Reissued reissue) {
        return java.util.Objects.equals(done.getReason(), reissue.reason())
                && java.util.Objects.equals(done.getMessage(), reissue.message());
    }

    static Instant time(CoreV1Event event) {
        OffsetDateTime time = event.getLastTimestamp() != null
                ? event.getLastTimestamp()
                : event.getEventTime() != null
                        ? event.getEventTime()
                        : event.getFirstTimestamp() != null
                                ? event.getFirstTimestamp()
                                : event.getMetadata().getCreationTimestamp();
        return time == null ? Instant.EPOCH : time.toInstant();
    }

    private static String key(String namespace, String name) {
        return namespace + "/" + name;
    }
}
