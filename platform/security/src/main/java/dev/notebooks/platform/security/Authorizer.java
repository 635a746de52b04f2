package dev.notebooks.platform.security;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;

/**
 * Lets a call through when the caller's role is strong enough, and otherwise refuses it with a
 * {@link ForbiddenException} (403 problem+json) after writing a DENIED audit record. Allowed calls are not audited
 * here: the service audits the change it then makes.
 */
@Singleton
public class Authorizer {

    private final ProfileRoles profileRoles;
    private final AuditLog auditLog;

    Authorizer(ProfileRoles profileRoles, AuditLog auditLog) {
        this.profileRoles = profileRoles;
        this.auditLog = auditLog;
    }

    /**
     * Requires at least {@code minimum} on the profile namespace.
     *
     * @param action what the caller attempts, {@code <resource>.<verb>} such as {@code notebook.create}
     * @param resourceName the resource acted on; null for an action on a collection
     * @return the caller's role, for responses that differ by role
     * @throws ForbiddenException when the role is weaker than {@code minimum}
     */
    public ProfileRole require(
            Caller caller,
            String namespace,
            ProfileRole minimum,
            String action,
            String resourceKind,
            @Nullable String resourceName) {
        ProfileRole role = profileRoles.roleOf(caller, namespace);
        if (!role.allows(minimum)) {
            String reason =
                    "%s has %s on profile %s; %s needs %s".formatted(caller.user(), role, namespace, action, minimum);
            throw deny(caller, action, resourceKind, namespace, resourceName, reason);
        }
        return role;
    }

    /**
     * Requires a cluster admin, for cluster-wide actions such as curating the image catalog.
     *
     * @throws ForbiddenException when the caller is not a configured cluster admin
     */
    public void requireClusterAdmin(Caller caller, String action, String resourceKind, @Nullable String resourceName) {
        if (!caller.admin()) {
            String reason = "%s is not a cluster admin; %s needs one".formatted(caller.user(), action);
            throw deny(caller, action, resourceKind, null, resourceName, reason);
        }
    }

    // its own transaction: a service may check inside the transaction that the refusal is about to roll back
    private ForbiddenException deny(
            Caller caller,
            String action,
            String resourceKind,
            @Nullable String namespace,
            @Nullable String resourceName,
            String reason) {
        auditLog.recordInOwnTransaction(AuditRecord.denied(action, reason)
                .actor(caller.user(), caller.remoteAddress())
                .resource(resourceKind, namespace, resourceName)
                .build());
        return new ForbiddenException(reason);
    }
}
