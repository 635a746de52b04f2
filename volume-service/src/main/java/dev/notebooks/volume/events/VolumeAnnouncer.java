package dev.notebooks.volume.events;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import dev.notebooks.platform.events.volume.VolumeSnapshotCreated;
import dev.notebooks.platform.events.volume.VolumeSnapshotDeleted;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.Quantities;
import dev.notebooks.volume.domain.VolumeAnnotations;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.store.SnapshotObservation;
import dev.notebooks.volume.store.SnapshotObservationRepository;
import dev.notebooks.volume.store.VolumeObservation;
import dev.notebooks.volume.store.VolumeObservationRepository;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.BooleanSupplier;

/**
 * Announces what the reconcilers observe of claims and snapshots on the topic {@code volumes}, once each, whoever made
 * the change (the API, kubectl, notebook-service): the observation row that remembers it and the outbox row of the
 * event commit together.
 *
 * <ul>
 *   <li>{@code volume.created.v1} when a claim is first seen bound (from then on storage exists and is paid for), with
 *       that time as {@code boundAt};
 *   <li>{@code volume.resized.v1} when its requested size changes;
 *   <li>{@code volume.deleted.v1} when a claim announced as created is gone;
 *   <li>{@code volume.snapshot-created.v1} when a snapshot is first seen ready to use, and
 *       {@code volume.snapshot-deleted.v1} when such a snapshot is gone.
 * </ul>
 *
 * Changes not made through the REST API (which audits its own) also get an audit record here.
 */
@Singleton
public class VolumeAnnouncer {

    static final String UNKNOWN = "unknown";

    private final VolumeObservationRepository volumes;
    private final SnapshotObservationRepository snapshots;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final String source;

    VolumeAnnouncer(
            VolumeObservationRepository volumes,
            SnapshotObservationRepository snapshots,
            Outbox outbox,
            AuditLog auditLog,
            EventsConfiguration configuration) {
        this.volumes = volumes;
        this.snapshots = snapshots;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.source = configuration.getSource();
    }

    /**
     * @param manager the field manager of the newest write of the claim's spec by someone other than this service
     * @param stillExists whether the cache still holds this claim: asked once the row is locked, as a delete handler
     *     that ran meanwhile has announced its end and this copy is older than that
     */
    @Transactional
    public void claimObserved(V1PersistentVolumeClaim claim, String manager, BooleanSupplier stillExists) {
        String namespace = Claims.namespace(claim);
        String name = Claims.name(claim);
        String id = key(namespace, name);
        Optional<VolumeObservation> last = volumes.findByIdForUpdate(id);
        if (!stillExists.getAsBoolean()) {
            return;
        }
        if (last.isPresent() && !last.get().uid().equals(claim.getMetadata().getUid())) {
            // deleted and created again while nobody watched: the old one's end is announced first
            announceDeleted(last.get(), Actor.kubectl(UNKNOWN));
            last = Optional.empty();
        }
        String size = Quantities.text(Claims.requested(claim));
        if (size == null || Claims.terminating(claim)) {
            return;
        }
        if (last.isEmpty()) {
            if (!Claims.bound(claim)) {
                return;
            }
            Instant boundAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            VolumeObservation observed = new VolumeObservation(
                    id,
                    namespace,
                    name,
                    claim.getMetadata().getUid(),
                    size,
                    storageClass(claim),
                    String.join(",", Claims.accessModes(claim)),
                    boundAt,
                    null);
            Actor actor = VolumeAnnotations.creatorOf(claim, manager);
            publish(
                    id,
                    new VolumeCreated(actor, namespace, name, size, observed.storageClass(), modes(observed), boundAt));
            auditIfNotApi(actor, "volume.create", "PersistentVolumeClaim", namespace, name, null, size);
            volumes.save(observed);
            return;
        }
        VolumeObservation observed = last.get();
        if (!observed.size().equals(size)) {
            announceResized(claim, observed, size, manager);
            volumes.update(observed.withSize(size));
        }
    }

    /**
     * The claim is gone: announced once if its creation was, with the size it had. A resize in its final state that
     * the reconciler had not announced yet (resized and deleted at once) is announced first.
     */
    @Transactional
    public void claimDeleted(V1PersistentVolumeClaim claim, String manager) {
        String id = key(Claims.namespace(claim), Claims.name(claim));
        volumes.findByIdForUpdate(id)
                .filter(observed -> observed.uid().equals(claim.getMetadata().getUid()))
                .map(observed -> resizedAtTheEnd(claim, observed, manager))
                .ifPresent(observed -> {
                    Actor actor = VolumeAnnotations.deleterOf(claim, manager);
                    announceDeleted(observed, actor);
                    auditIfNotApi(
                            actor,
                            "volume.delete",
                            "PersistentVolumeClaim",
                            observed.namespace(),
                            observed.name(),
                            observed.size(),
                            null);
                });
    }

    /**
     * @param source the claim it was taken from, if it still exists
     * @param stillExists whether the cache still holds this snapshot, asked once the row is locked
     */
    @Transactional
    public void snapshotObserved(
            VolumeSnapshot snapshot,
            Optional<V1PersistentVolumeClaim> source,
            String manager,
            BooleanSupplier stillExists) {
        String id = key(snapshot.namespace(), snapshot.name());
        Optional<SnapshotObservation> last = snapshots.findByIdForUpdate(id);
        if (!stillExists.getAsBoolean()) {
            return;
        }
        if (last.isPresent() && !last.get().uid().equals(snapshot.getMetadata().getUid())) {
            announceSnapshotDeleted(last.get(), Actor.kubectl(UNKNOWN));
            last = Optional.empty();
        }
        if (last.isPresent() || !snapshot.readyToUse() || snapshot.getMetadata().getDeletionTimestamp() != null) {
            return;
        }
        String volume = snapshot.sourceClaim() == null ? snapshot.name() : snapshot.sourceClaim();
        Optional<VolumeObservation> volumeSeen = volumes.findById(key(snapshot.namespace(), volume));
        String size = snapshot.restoreSize() != null
                ? snapshot.restoreSize()
                : source.map(claim -> Quantities.text(Claims.requested(claim)))
                        .or(() -> volumeSeen.map(VolumeObservation::size))
                        .orElse("0");
        String storageClass = source.map(VolumeAnnouncer::storageClass)
                .or(() -> volumeSeen.map(VolumeObservation::storageClass))
                .orElse(null);
        List<String> accessModes = source.map(Claims::accessModes)
                .filter(modes -> !modes.isEmpty())
                .or(() -> volumeSeen.map(VolumeAnnouncer::modes))
                .orElse(List.of("ReadWriteOnce"));
        Instant readyAt = Instant.now().truncatedTo(ChronoUnit.MILLIS);
        SnapshotObservation observed = new SnapshotObservation(
                id,
                snapshot.namespace(),
                snapshot.name(),
                snapshot.getMetadata().getUid(),
                volume,
                size,
                storageClass,
                String.join(",", accessModes),
                snapshot.snapshotClass(),
                readyAt,
                null);
        Actor actor = VolumeAnnotations.creatorOf(snapshot, manager);
        publish(
                id,
                new VolumeSnapshotCreated(
                        actor,
                        snapshot.namespace(),
                        snapshot.name(),
                        volume,
                        size,
                        storageClass,
                        accessModes,
                        snapshot.snapshotClass(),
                        readyAt));
        auditIfNotApi(actor, "snapshot.create", "VolumeSnapshot", snapshot.namespace(), snapshot.name(), null, size);
        snapshots.save(observed);
    }

    @Transactional
    public void snapshotDeleted(VolumeSnapshot snapshot, String manager) {
        snapshots
                .findByIdForUpdate(key(snapshot.namespace(), snapshot.name()))
                .filter(observed -> observed.uid().equals(snapshot.getMetadata().getUid()))
                .ifPresent(observed -> {
                    Actor actor = VolumeAnnotations.deleterOf(snapshot, manager);
                    announceSnapshotDeleted(observed, actor);
                    auditIfNotApi(
                            actor,
                            "snapshot.delete",
                            "VolumeSnapshot",
                            observed.namespace(),
                            observed.name(),
                            observed.size(),
                            null);
                });
    }

    /** What a sweep announced, and what it found missing but left for the next sweep. */
    public record Sweep(int announced, Set<String> deferred) {}

    /**
     * Announces the end of every claim and snapshot announced as created that no longer exists: deletions this
     * replica did not see (it was not leading, or not running). Called with the keys of what exists, after the caches
     * have synced.
     *
     * @param announceOnly what the previous sweep found missing, or null to announce all that is missing: the
     *     informer drops a deleted object from its cache before its delete handler (which knows who deleted it) has
     *     run, so a periodic sweep announces only what was already missing at the one before
     */
    @Transactional
    public Sweep sweep(Set<String> claimKeys, Set<String> snapshotKeys, Set<String> announceOnly) {
        int announced = 0;
        Set<String> deferred = new HashSet<>();
        for (VolumeObservation observed : volumes.findAll()) {
            String key = "claim " + observed.id();
            if (claimKeys.contains(observed.id())) {
                continue;
            }
            if (announceOnly == null || announceOnly.contains(key)) {
                announceDeleted(observed, Actor.kubectl(UNKNOWN));
                announced++;
            } else {
                deferred.add(key);
            }
        }
        for (SnapshotObservation observed : snapshots.findAll()) {
            String key = "snapshot " + observed.id();
            if (snapshotKeys.contains(observed.id())) {
                continue;
            }
            if (announceOnly == null || announceOnly.contains(key)) {
                announceSnapshotDeleted(observed, Actor.kubectl(UNKNOWN));
                announced++;
            } else {
                deferred.add(key);
            }
        }
        return new Sweep(announced, deferred);
    }

    private VolumeObservation resizedAtTheEnd(
            V1PersistentVolumeClaim claim, VolumeObservation observed, String manager) {
        String size = Quantities.text(Claims.requested(claim));
        if (size == null || size.equals(observed.size())) {
            return observed;
        }
        announceResized(claim, observed, size, manager);
        return observed.withSize(size);
    }

    private void announceResized(
            V1PersistentVolumeClaim claim, VolumeObservation observed, String size, String manager) {
        Actor actor = VolumeAnnotations.resizerOf(claim, size, manager);
        publish(
                observed.id(),
                new VolumeResized(
                        actor,
                        observed.namespace(),
                        observed.name(),
                        observed.size(),
                        size,
                        observed.storageClass(),
                        modes(observed),
                        observed.boundAt()));
        auditIfNotApi(
                actor,
                "volume.resize",
                "PersistentVolumeClaim",
                observed.namespace(),
                observed.name(),
                observed.size(),
                size);
    }

    private void announceDeleted(VolumeObservation observed, Actor actor) {
        publish(
                observed.id(),
                new VolumeDeleted(
                        actor,
                        observed.namespace(),
                        observed.name(),
                        observed.size(),
                        observed.storageClass(),
                        modes(observed),
                        observed.boundAt()));
        volumes.delete(observed);
    }

    private void announceSnapshotDeleted(SnapshotObservation observed, Actor actor) {
        publish(
                observed.id(),
                new VolumeSnapshotDeleted(
                        actor,
                        observed.namespace(),
                        observed.name(),
                        observed.volume(),
                        observed.size(),
                        observed.storageClass(),
                        Arrays.asList(observed.accessModes().split(",")),
                        observed.snapshotClass(),
                        observed.readyAt()));
        snapshots.delete(observed);
    }

    private void publish(String subject, EventData data) {
        outbox.publish(PlatformEvent.of(source, subject, data));
    }

    private void auditIfNotApi(
            Actor actor, String action, String kind, String namespace, String name, String before, String after) {
        if (Actor.VIA_API.equals(actor.via())) {
            return;
        }
        auditLog.record(AuditRecord.allowed(action)
                .actor(actor.user(), actor.via())
                .resource(kind, namespace, name)
                .before(before == null ? null : "{\"size\":\"" + before + "\"}")
                .after(after == null ? null : "{\"size\":\"" + after + "\"}")
                .build());
    }

    static String key(String namespace, String name) {
        return Subjects.namespaced(namespace, name);
    }

    private static String storageClass(V1PersistentVolumeClaim claim) {
        String storageClass = Claims.storageClass(claim);
        return storageClass == null || storageClass.isEmpty() ? null : storageClass;
    }

    private static List<String> modes(VolumeObservation observed) {
        return Arrays.asList(observed.accessModes().split(","));
    }
}
