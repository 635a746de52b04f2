package dev.notebooks.profile.service;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.domain.Profile;
import jakarta.inject.Singleton;

/**
 * A caller's role on a profile, and the refusal (403, audited) when it is too weak.
 *
 * <p>The owner is read from the Profile itself, as Kubeflow's KFAM does, not from its namespace's annotation: the
 * owner can manage a profile the moment it is created, and the owner of a namespace that is not (yet) this
 * profile's (a new owner's change not yet reconciled, or another owner's namespace of the same name) gets nothing
 * from it. Contributor roles come from the KFAM RoleBindings in the namespace ({@link ProfileRoles}).
 */
@Singleton
public class ProfileAuthorization {

    public static final String PROFILE_KIND = "Profile";

    private final ProfileRoles profileRoles;
    private final AuditLog auditLog;

    ProfileAuthorization(ProfileRoles profileRoles, AuditLog auditLog) {
        this.profileRoles = profileRoles;
        this.auditLog = auditLog;
    }

    public ProfileRole roleOf(Caller caller, Profile profile) {
        if (caller.admin()) {
            return ProfileRole.ADMIN;
        }
        if (caller.user().equals(profile.ownerName())) {
            return ProfileRole.OWNER;
        }
        ProfileRole inNamespace = profileRoles.roleOf(caller, profile.name());
        return inNamespace.allows(ProfileRole.OWNER) ? ProfileRole.NONE : inNamespace;
    }

    /**
     * @param action what the caller attempts, such as {@code contributor.add}
     * @return the caller's role
     * @throws org.zalando.problem.ThrowableProblem 403, after a DENIED audit record, when the role is too weak
     */
    public ProfileRole require(Caller caller, Profile profile, ProfileRole minimum, String action) {
        ProfileRole role = roleOf(caller, profile);
        if (!role.allows(minimum)) {
            String reason = "%s has %s on profile %s; %s needs %s"
                    .formatted(caller.user(), role, profile.name(), action, minimum);
            auditLog.recordInOwnTransaction(AuditRecord.denied(action, reason)
                    .actor(caller.user(), caller.remoteAddress())
                    .resource(PROFILE_KIND, null, profile.name())
                    .build());
            throw ApiProblems.forbidden(reason);
        }
        return role;
    }
}
