package dev.notebooks.notebook.events;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.store.NotebookObservation;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.config.EventsConfiguration;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Announces on the topic {@code notebooks} what the reconciler observes of a notebook, whoever changed it:
 * {@code notebook.created}, {@code updated} (image, resources or volumes, with before and after), {@code started} (its
 * server became ready), {@code stopped} or {@code culled}, {@code failed} (with the reason) and {@code deleted}, each
 * once. The last announcement of every notebook is kept in memory too, so a pass that changes nothing costs no
 * database round trip.
 */
@Singleton
public class NotebookAnnouncer {

    private final NotebookObservations observations;
    private final String self;
    private final Map<String, Remembered> remembered = new ConcurrentHashMap<>();
    // uids announced deleted: a pass that read the Notebook just before it went must not announce it created again
    private final Map<String, Boolean> deletedUids = Collections.synchronizedMap(new LinkedHashMap<>(64, 0.75f, false) {
        @Override
        protected boolean removeEldestEntry(Map.Entry<String, Boolean> eldest) {
            return size() > 10_000;
        }
    });
    // a pass and a deletion of the same notebook (the reconciler's thread, the informer's) never interleave
    private final Object[] locks = new Object[64];

    NotebookAnnouncer(NotebookObservations observations, EventsConfiguration configuration) {
        this.observations = observations;
        this.self = configuration.getSource();
        Arrays.setAll(locks, i -> new Object());
    }

    private record Remembered(String uid, String spec, String state, String failure) {

        static Remembered of(NotebookObservation row) {
            return new Remembered(row.uid(), row.spec(), row.state(), row.failure());
        }
    }

    public void observed(Observed observed) {
        Notebook notebook = observed.notebook();
        String id = Subjects.namespaced(notebook.namespace(), notebook.name());
        synchronized (lockOf(id)) {
            if (deletedUids.containsKey(notebook.getMetadata().getUid())) {
                return;
            }
            Remembered last = remembered.computeIfAbsent(
                    id, key -> observations.find(key).map(Remembered::of).orElse(null));
            if (last != null && unchanged(last, observed)) {
                return;
            }
            try {
                remembered.put(id, Remembered.of(observations.announce(observed, writerOf(notebook))));
            } catch (RuntimeException e) {
                remembered.remove(id);
                throw e;
            }
        }
    }

    /** The notebook is gone; {@code uid} null for whichever was announced under its name. */
    public void deleted(String namespace, String name, String uid, Actor actor) {
        String id = Subjects.namespaced(namespace, name);
        synchronized (lockOf(id)) {
            String gone = uid != null
                    ? uid
                    : observations.find(id).map(NotebookObservation::uid).orElse(null);
            if (gone != null) {
                deletedUids.put(gone, Boolean.TRUE);
            }
            remembered.remove(id);
            observations.deleted(namespace, name, uid, actor);
        }
    }

    /** The notebooks announced and not yet deleted, as {@code namespace/name} and uid. */
    public Map<String, String> announced() {
        Map<String, String> ids = new TreeMap<>();
        observations.all().forEach(row -> ids.put(row.id(), row.uid()));
        return ids;
    }

    private Object lockOf(String id) {
        return locks[Math.floorMod(id.hashCode(), locks.length)];
    }

    private boolean unchanged(Remembered last, Observed observed) {
        Notebook notebook = observed.notebook();
        if (!last.uid().equals(notebook.getMetadata().getUid())
                || !last.spec().equals(NotebookSpecs.json(NotebookSpecs.of(notebook)))) {
            return false;
        }
        boolean stateUnchanged =
                switch (observed.running()) {
                    case YES -> NotebookObservation.RUNNING.equals(last.state());
                    case STOPPED -> NotebookObservation.STOPPED.equals(last.state());
                    case NOT_YET -> true;
                };
        boolean failureUnchanged = observed.failure().isPresent()
                ? last.failure() != null
                : last.failure() == null || observed.running() == Observed.Running.NOT_YET;
        return stateUnchanged && failureUnchanged;
    }

    /**
     * Who made the notebook as it is: a write of this service's own (the spawner API, the culler) is the user its
     * annotations name; anything else is the field manager that last wrote it (kubectl, JWA, a GitOps tool).
     */
    public Actor writerOf(Notebook notebook) {
        V1ObjectMeta metadata = notebook.getMetadata();
        List<V1ManagedFieldsEntry> entries =
                metadata.getManagedFields() == null ? List.of() : metadata.getManagedFields();
        Optional<String> manager = entries.stream()
                .filter(entry ->
                        entry.getSubresource() == null || entry.getSubresource().isEmpty())
                .filter(entry -> entry.getManager() != null)
                .max(Comparator.comparing(
                        V1ManagedFieldsEntry::getTime,
                        Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())))
                .map(V1ManagedFieldsEntry::getManager);
        if (manager.isPresent() && Objects.equals(manager.get(), self)) {
            return Actor.api(notebook.annotation(NotebookAnnotations.UPDATED_BY)
                    .or(() -> notebook.annotation(NotebookAnnotations.CREATOR))
                    .orElse(NotebookObservations.UNKNOWN_WRITER));
        }
        return Actor.kubectl(manager.orElse(NotebookObservations.UNKNOWN_WRITER));
    }
}
