package dev.notebooks.profile.service;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.store.ProfileWrite;
import dev.notebooks.profile.store.ProfileWriteRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Remembers, in PostgreSQL, the writes this service made to a Profile (by uid and the generation they produced) with
 * their audit record, in one transaction. The reconciler names the author of a change from here; nothing a user who can
 * only edit the Profile writes (an annotation, a field manager) can make a change theirs.
 */
@Singleton
class ProfileWrites {

    private final ProfileWriteRepository writes;
    private final AuditLog auditLog;

    ProfileWrites(ProfileWriteRepository writes, AuditLog auditLog) {
        this.writes = writes;
        this.auditLog = auditLog;
    }

    /** {@code written} is the API server's answer to the write: its uid and generation are the write's. */
    @Transactional
    void wrote(Profile written, Actor actor, AuditRecord audit) {
        writes.save(ProfileWrite.of(
                written.getMetadata().getUid(), written.getMetadata().getGeneration(), actor.user(), actor.via()));
        auditLog.record(audit);
    }

    /** Recorded before the delete, which the finalizer announces; {@link #deletionFailed} takes it back. */
    @Transactional
    void deleting(Profile profile, Actor actor) {
        writes.findByUidAndGeneration(profile.getMetadata().getUid(), ProfileWrite.DELETION)
                .ifPresent(writes::delete);
        writes.save(ProfileWrite.of(profile.getMetadata().getUid(), ProfileWrite.DELETION, actor.user(), actor.via()));
    }

    @Transactional
    void deletionFailed(Profile profile) {
        writes.findByUidAndGeneration(profile.getMetadata().getUid(), ProfileWrite.DELETION)
                .ifPresent(writes::delete);
    }
}
