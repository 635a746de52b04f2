package dev.notebooks.notebook.events;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.culling.Activities;
import dev.notebooks.notebook.store.NotebookObservation;
import dev.notebooks.notebook.store.NotebookObservationRepository;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Duration;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * The announcements themselves: each compares the notebook with its observation row, publishes what changed through
 * the outbox and updates the row, in one transaction, so every change is announced exactly once whoever made it.
 * Changes made through kubectl, and culls, also get an audit record here; the spawner API audits its own.
 */
@Singleton
class NotebookObservations {

    static final String KIND = Notebook.KIND;
    static final String UNKNOWN_WRITER = "unknown";

    private final NotebookObservationRepository repository;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final String source;

    NotebookObservations(
            NotebookObservationRepository repository,
            Outbox outbox,
            AuditLog auditLog,
            EventsConfiguration configuration) {
        this.repository = repository;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.source = configuration.getSource();
    }

    public Optional<NotebookObservation> find(String id) {
        return repository.findById(id);
    }

    public java.util.List<NotebookObservation> all() {
        java.util.List<NotebookObservation> rows = new java.util.ArrayList<>();
        repository.findAll().forEach(rows::add);
        return rows;
    }

    /** @return the observation as it is after the announcements */
    @Transactional
    public NotebookObservation announce(Observed observed, Actor writer) {
        Notebook notebook = observed.notebook();
        String id = Subjects.namespaced(notebook.namespace(), notebook.name());
        NotebookSpecs.Spec spec = NotebookSpecs.of(notebook);
        Optional<NotebookObservation> last = repository.findByIdForUpdate(id);
        if (last.isPresent() && !last.get().uid().equals(notebook.getMetadata().getUid())) {
            // deleted and created again while nobody watched: the old one's end is announced first
            NotebookSpecs.Spec before = NotebookSpecs.parse(last.get().spec());
            publish(id, deleted(Actor.kubectl(UNKNOWN_WRITER), notebook, before));
            repository.delete(last.get());
            last = Optional.empty();
        }
        NotebookObservation row;
        if (last.isEmpty()) {
            publish(
                    id,
                    new NotebookCreated(
                            writer,
                            notebook.namespace(),
                            notebook.name(),
                            spec.image(),
                            spec.serverType(),
                            spec.resources(),
                            spec.volumes()));
            audit(writer, "notebook.create", notebook, null, spec);
            row = repository.save(
                    NotebookObservation.first(id, notebook.getMetadata().getUid(), NotebookSpecs.json(spec)));
        } else {
            row = last.get();
            NotebookSpecs.Spec before = NotebookSpecs.parse(row.spec());
            if (!before.equals(spec)) {
                publish(
                        id,
                        new NotebookUpdated(
                                writer,
                                notebook.namespace(),
                                notebook.name(),
                                spec.image(),
                                spec.serverType(),
                                spec.resources(),
                                spec.volumes(),
                                new NotebookUpdated.Before(before.image(), before.resources(), before.volumes()),
                                NotebookObservation.RUNNING.equals(row.state())));
                audit(writer, "notebook.update", notebook, before, spec);
                row = repository.update(row.withSpec(NotebookSpecs.json(spec)));
            }
        }
        row = running(observed, spec, row, writer);
        return failure(observed, spec, row);
    }

    private NotebookObservation running(
            Observed observed, NotebookSpecs.Spec spec, NotebookObservation row, Actor writer) {
        Notebook notebook = observed.notebook();
        String id = row.id();
        boolean wasRunning = NotebookObservation.RUNNING.equals(row.state());
        switch (observed.running()) {
            case YES -> {
                if (!wasRunning) {
                    publish(
                            id,
                            new NotebookStarted(
                                    Actor.controller(source),
                                    notebook.namespace(),
                                    notebook.name(),
                                    spec.image(),
                                    spec.serverType(),
                                    spec.resources(),
                                    spec.volumes()));
                    return repository.update(
                            row.withState(NotebookObservation.RUNNING).withFailure(null));
                }
            }
            case STOPPED -> {
                if (wasRunning) {
                    Instant lastActivity = notebook.annotation(NotebookAnnotations.LAST_ACTIVITY)
                            .flatMap(Activities::instant)
                            .orElse(null);
                    if (culled(notebook)) {
                        Instant at = notebook.annotation(NotebookAnnotations.CULLED_AT)
                                .flatMap(Activities::instant)
                                .orElseGet(Instant::now);
                        String reason = lastActivity == null
                                ? "idle"
                                : "idle for "
                                        + Duration.between(lastActivity, at).toMinutes() + " minutes";
                        Actor culler = Actor.controller(source);
                        publish(
                                id,
                                new NotebookCulled(
                                        culler,
                                        notebook.namespace(),
                                        notebook.name(),
                                        spec.image(),
                                        spec.serverType(),
                                        spec.resources(),
                                        spec.volumes(),
                                        reason,
                                        lastActivity));
                        auditLog.record(AuditRecord.allowed("notebook.cull")
                                .actor(culler.user(), culler.via())
                                .resource(KIND, notebook.namespace(), notebook.name())
                                .after("{\"reason\":\"" + reason + "\"}")
                                .build());
                    } else {
                        publish(
                                id,
                                new NotebookStopped(
                                        writer,
                                        notebook.namespace(),
                                        notebook.name(),
                                        spec.image(),
                                        spec.serverType(),
                                        spec.resources(),
                                        spec.volumes(),
                                        Actor.VIA_CONTROLLER.equals(writer.via())
                                                ? "stopped"
                                                : "stopped by " + writer.user(),
                                        lastActivity));
                    }
                }
                if (!NotebookObservation.STOPPED.equals(row.state())) {
                    return repository.update(
                            row.withState(NotebookObservation.STOPPED).withFailure(null));
                }
            }
            case NOT_YET -> {
                // starting (or failing to): nothing changes for metering
            }
        }
        return row;
    }

    private NotebookObservation failure(Observed observed, NotebookSpecs.Spec spec, NotebookObservation row) {
        Notebook notebook = observed.notebook();
        Optional<Observed.Failure> failure = observed.failure();
        if (failure.isPresent() && row.failure() == null) {
            publish(
                    row.id(),
                    new NotebookFailed(
                            Actor.controller(source),
                            notebook.namespace(),
                            notebook.name(),
                            spec.image(),
                            spec.serverType(),
                            spec.resources(),
                            spec.volumes(),
                            failure.get().reason(),
                            failure.get().message()));
            return repository.update(row.withFailure(failure.get().reason()));
        }
        if (failure.isEmpty() && row.failure() != null && observed.running() != Observed.Running.NOT_YET) {
            return repository.update(row.withFailure(null));
        }
        return row;
    }

    /** The notebook is gone (or going): announced once, with what it had. */
    @Transactional
    public boolean deleted(String namespace, String name, String uid, Actor actor) {
        String id = Subjects.namespaced(namespace, name);
        Optional<NotebookObservation> last = repository
                .findByIdForUpdate(id)
                .filter(row -> uid == null || row.uid().equals(uid));
        if (last.isEmpty()) {
            return false;
        }
        NotebookSpecs.Spec spec = NotebookSpecs.parse(last.get().spec());
        publish(
                id,
                new NotebookDeleted(
                        actor, namespace, name, spec.image(), spec.serverType(), spec.resources(), spec.volumes()));
        if (Actor.VIA_KUBECTL.equals(actor.via())) {
            auditLog.record(AuditRecord.allowed("notebook.delete")
                    .actor(actor.user(), Actor.VIA_KUBECTL)
                    .resource(KIND, namespace, name)
                    .before(NotebookSpecs.json(spec))
                    .build());
        }
        repository.delete(last.get());
        return true;
    }

    static boolean culled(Notebook notebook) {
        Optional<String> stopped = notebook.annotation(NotebookAnnotations.STOPPED);
        return stopped.isPresent()
                && Objects.equals(stopped.get(), notebook.annotations().get(NotebookAnnotations.CULLED_AT));
    }

    private NotebookDeleted deleted(Actor actor, Notebook notebook, NotebookSpecs.Spec spec) {
        return new NotebookDeleted(
                actor,
                notebook.namespace(),
                notebook.name(),
                spec.image(),
                spec.serverType(),
                spec.resources(),
                spec.volumes());
    }

    private void publish(String subject, EventData data) {
        outbox.publish(PlatformEvent.of(source, subject, data));
    }

    private void audit(
            Actor actor, String action, Notebook notebook, NotebookSpecs.Spec before, NotebookSpecs.Spec after) {
        if (!Actor.VIA_KUBECTL.equals(actor.via())) {
            return;
        }
        auditLog.record(AuditRecord.allowed(action)
                .actor(actor.user(), Actor.VIA_KUBECTL)
                .resource(KIND, notebook.namespace(), notebook.name())
                .before(before == null ? null : NotebookSpecs.json(before))
                .after(after == null ? null : NotebookSpecs.json(after))
                .build());
    }
}
