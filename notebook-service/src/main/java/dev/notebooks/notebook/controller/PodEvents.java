package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.status.EventReissue;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Predicate;

/**
 * The Events about each notebook's pod and StatefulSet, from the moment the events informer delivers them until a pass
 * of their notebook re-issues them on the Notebook; and the Notebook's own Events. The cache keeps only Events about
 * Notebooks, reduced ({@link NotebookEventsOnly}): a pod's or StatefulSet's Event is held here, reduced to what the
 * Notebook's event will say, only until it is re-issued, found re-issued already, or found older than the notebook.
 * Whether an event was re-issued is read from the Notebook's Events (one of the same reason and message at least as
 * new), so a restart, which delivers every Event again, re-issues nothing twice.
 *
 * <p>An event of what is not a cached notebook is let pass (while the notebooks load, it is held). One whose notebook
 * never has a pass (a notebook deleted since, or a replica that does not lead) is dropped by a sweep, at most once a
 * minute: once its notebook is not in the cache, or once it is older than the time Kubernetes keeps Events
 * ({@link #EVENT_TTL}).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class PodEvents {

    /** The API server's default {@code --event-ttl}: an Event older than this is gone from the cluster too. */
    static final Duration EVENT_TTL = Duration.ofHours(1);

    private static final String BY_INVOLVED_UID = "involved-uid";
    private static final Duration SWEEP_EVERY = Duration.ofMinutes(1);

    private final InformerCache cache;
    private final SharedIndexInformer<CoreV1Event> events;
    // namespace/notebook -> event uid -> what to re-issue
    private final Map<String, Map<String, Waiting>> waiting = new ConcurrentHashMap<>();
    private final AtomicReference<Instant> nextSweep;

    PodEvents(InformerCache cache) {
        this.cache = cache;
        this.events = cache.informer(ResourceTypes.EVENT, Duration.ZERO);
        this.events.addIndexers(Map.of(BY_INVOLVED_UID, PodEvents::involvedUid));
        this.nextSweep = new AtomicReference<>(Instant.now().plus(SWEEP_EVERY));
    }

    /** A pod's or StatefulSet's event as it will be re-issued, and when it last happened. */
    record Waiting(EventReissue.Reissued reissued, Instant time) {}

    /** The informer's mapping: holds a pod's or StatefulSet's event and names its notebook to reconcile. */
    Collection<String> observe(CoreV1Event event) {
        sweepWhenDue();
        V1ObjectReference involved = event.getInvolvedObject();
        String namespace =
                event.getMetadata() == null ? null : event.getMetadata().getNamespace();
        String uid = event.getMetadata() == null ? null : event.getMetadata().getUid();
        if (involved == null || namespace == null || uid == null || Notebook.KIND.equals(involved.getKind())) {
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
        String notebook = reissued.get().notebook();
        if (cache.hasSynced(List.of(NOTEBOOKS)) && !cache.contains(NOTEBOOKS, namespace, notebook)) {
            return List.of();
        }
        Waiting next = new Waiting(reissued.get(), time(event));
        waiting.compute(key(namespace, notebook), (key, held) -> {
            Map<String, Waiting> events = held == null ? new HashMap<>() : held;
            events.put(uid, next);
            return events;
        });
        return List.of(notebook);
    }

    /**
     * Re-issues on the notebook what waits for it: each event is handed to {@code record} unless it is older than the
     * notebook or already re-issued; one that {@code record} could not write (it answers false) waits for the next pass.
     */
    void reissue(Notebook notebook, Predicate<EventReissue.Reissued> record) {
        String key = key(notebook.namespace(), notebook.name());
        Map<String, Waiting> taken = waiting.remove(key);
        if (taken == null) {
            return;
        }
        Instant created = notebook.getMetadata().getCreationTimestamp() == null
                ? Instant.MIN
                : notebook.getMetadata().getCreationTimestamp().toInstant();
        List<CoreV1Event> already = onNotebook(notebook);
        Map<String, Waiting> failed = new HashMap<>();
        taken.forEach((uid, event) -> {
            boolean done = event.time().isBefore(created.minusSeconds(1))
                    || already.stream().anyMatch(on -> same(on, event.reissued()) && !time(on).isBefore(event.time()))
                    || record.test(event.reissued());
            if (!done) {
                failed.put(uid, event);
            }
        });
        if (!failed.isEmpty()) {
            // an event observed again meanwhile is newer than the one that failed
            waiting.compute(key, (k, held) -> {
                Map<String, Waiting> events = held == null ? new HashMap<>() : held;
                failed.forEach(events::putIfAbsent);
                return events;
            });
        }
    }

    /** The Events on the Notebook itself (re-issued ones among them), for the list's reasons; read, never changed. */
    List<CoreV1Event> onNotebook(Notebook notebook) {
        String uid = notebook.getMetadata().getUid();
        return uid == null ? List.of() : events.getIndexer().byIndex(BY_INVOLVED_UID, uid);
    }

    /** @return how many events wait to be re-issued on the notebook */
    int waitingFor(String namespace, String notebook) {
        Map<String, Waiting> events = waiting.get(key(namespace, notebook));
        return events == null ? 0 : events.size();
    }

    private void sweepWhenDue() {
        Instant now = Instant.now();
        Instant due = nextSweep.get();
        if (now.isBefore(due) || !nextSweep.compareAndSet(due, now.plus(SWEEP_EVERY))) {
            return;
        }
        sweep(now);
    }

    /** Drops what no pass will take: events older than the cluster keeps them, and those of notebooks not cached. */
    void sweep(Instant now) {
        boolean notebooksKnown = cache.hasSynced(List.of(NOTEBOOKS));
        Instant expired = now.minus(EVENT_TTL);
        waiting.keySet()
                .forEach(key -> waiting.computeIfPresent(key, (k, events) -> {
                    int slash = k.indexOf('/');
                    if (notebooksKnown && !cache.contains(NOTEBOOKS, k.substring(0, slash), k.substring(slash + 1))) {
                        return null;
                    }
                    events.values().removeIf(event -> event.time().isBefore(expired));
                    return events.isEmpty() ? null : events;
                }));
    }

    private static List<String> involvedUid(CoreV1Event event) {
        V1ObjectReference involved = event.getInvolvedObject();
        return involved == null || involved.getUid() == null ? List.of() : List.of(involved.getUid());
    }

    private static boolean same(CoreV1Event done, EventReissue.Reissued reissue) {
        return Objects.equals(done.getReason(), reissue.reason())
                && Objects.equals(done.getMessage(), reissue.message());
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
