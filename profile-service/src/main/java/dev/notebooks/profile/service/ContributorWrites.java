package dev.notebooks.profile.service;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.profile.store.ContributorWrite;
import dev.notebooks.profile.store.ContributorWriteRepository;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;

/**
 * Remembers which contributor RoleBindings the API created or deleted, and for whom, by the binding's uid, with the
 * audit record. The reconciler announces the change when it observes it and names the caller from here; there is no
 * event to lose between the Kubernetes write and the database.
 */
@Singleton
class ContributorWrites {

    private final ContributorWriteRepository writes;
    private final AuditLog auditLog;
    private final JsonMapper jsonMapper;

    ContributorWrites(ContributorWriteRepository writes, AuditLog auditLog, JsonMapper jsonMapper) {
        this.writes = writes;
        this.auditLog = auditLog;
        this.jsonMapper = jsonMapper;
    }

    @Transactional
    void added(Caller caller, String profile, V1RoleBinding created, ContributorBinding binding) {
        writes.save(ContributorWrite.of(uid(created), ContributorWrite.ADD, caller.user(), Actor.VIA_API));
        auditLog.record(audit(AuditRecord.allowed(ContributorService.ADD), caller, profile)
                .after(ContributorSummary.of(binding).json(jsonMapper))
                .build());
    }

    /** Recorded before the delete, so the reconciler never observes it without; {@link #removalFailed} undoes it. */
    @Transactional
    void removing(Caller caller, V1RoleBinding existing) {
        writes.findByBindingUidAndAction(uid(existing), ContributorWrite.REMOVE).ifPresent(writes::delete);
        writes.save(ContributorWrite.of(uid(existing), ContributorWrite.REMOVE, caller.user(), Actor.VIA_API));
    }

    @Transactional
    void removalFailed(V1RoleBinding existing) {
        writes.findByBindingUidAndAction(uid(existing), ContributorWrite.REMOVE).ifPresent(writes::delete);
    }

    void removed(Caller caller, String profile, ContributorBinding binding) {
        auditLog.record(audit(AuditRecord.allowed(ContributorService.REMOVE), caller, profile)
                .before(ContributorSummary.of(binding).json(jsonMapper))
                .build());
    }

    private static AuditRecord.Builder audit(AuditRecord.Builder record, Caller caller, String profile) {
        return record.actor(caller.user(), caller.remoteAddress())
                .resource(ProfileAuthorization.PROFILE_KIND, null, profile);
    }

    private static String uid(V1RoleBinding binding) {
        return binding.getMetadata().getUid();
    }
}
