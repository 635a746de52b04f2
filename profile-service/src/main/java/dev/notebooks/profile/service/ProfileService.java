package dev.notebooks.profile.service;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.kube.JsonPatch;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.NewProfile;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileChange;
import dev.notebooks.profile.domain.ProfileResources;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Objects;

/**
 * Profile reads and writes for the API. Every write goes through the Profile resource, exactly as {@code kubectl}
 * would make it, and is recorded with its caller by uid and generation ({@link ProfileWrites}) so the reconciler
 * announces the change with the right actor; the reconciler then makes the namespace and everything in it. A write is answered as soon as the
 * API server has accepted it; readiness shows in the profile's status.
 */
@Singleton
public class ProfileService {

    public static final String CREATE = "profile.create";
    public static final String READ = "profile.read";
    public static final String UPDATE = "profile.update";
    public static final String DELETE = "profile.delete";

    /** A PATCH that meets a concurrent write re-reads the profile and tries again this often. */
    private static final int UPDATE_ATTEMPTS = 3;

    private final ResourceClient client;
    private final ProfileAuthorization authorization;
    private final Authorizer authorizer;
    private final ProfileIndex listing;
    private final ProfileSettings settings;
    private final AuditLog auditLog;
    private final ProfileWrites writes;
    private final JsonMapper jsonMapper;

    ProfileService(
            ResourceClient client,
            ProfileAuthorization authorization,
            Authorizer authorizer,
            ProfileIndex listing,
            ProfileSettings settings,
            AuditLog auditLog,
            ProfileWrites writes,
            JsonMapper jsonMapper) {
        this.client = client;
        this.authorization = authorization;
        this.authorizer = authorizer;
        this.listing = listing;
        this.settings = settings;
        this.auditLog = auditLog;
        this.writes = writes;
        this.jsonMapper = jsonMapper;
    }

    /** @throws org.zalando.problem.ThrowableProblem 404 when there is no such profile */
    public Profile get(String name) {
        try {
            return client.get(ProfileResources.PROFILES, null, name)
                    .orElseThrow(() -> ProfileProblems.profileNotFound(name));
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Reading profile " + name);
        }
    }

    public ProfileAndRole read(Caller caller, String name) {
        Profile profile = get(name);
        return new ProfileAndRole(profile, authorization.require(caller, profile, ProfileRole.VIEW, READ));
    }

    /** @throws org.zalando.problem.ThrowableProblem 404 without the profile, 403 (audited) unless owner or admin */
    public void requireOwner(Caller caller, String name, String action) {
        authorization.require(caller, get(name), ProfileRole.OWNER, action);
    }

    public ProfileAndRole create(Caller caller, NewProfile request) {
        String owner = request.owner() == null ? caller.user() : request.owner();
        if (!owner.equals(caller.user())) {
            authorizer.requireClusterAdmin(caller, CREATE, ProfileAuthorization.PROFILE_KIND, request.name());
        }
        if (settings.isOneProfilePerOwner() && !caller.admin()) {
            listing.ownedBy(owner).findFirst().ifPresent(existing -> {
                throw ApiProblems.conflict(owner + " already owns profile " + existing.name()
                        + "; only an admin may give them another one.");
            });
        }
        Profile profile = Profile.of(
                request.name(),
                new Profile.Spec(
                        Profile.Owner.user(owner),
                        request.resourceQuota().isEmpty() ? null : Quotas.spec(request.resourceQuota()),
                        request.plugins().isEmpty() ? null : request.plugins()));
        Profile created;
        try {
            created = client.create(ProfileResources.PROFILES, profile);
        } catch (ApiException e) {
            if (KubernetesErrors.isConflict(e)) {
                throw ApiProblems.conflict("Profile " + request.name() + " already exists.");
            }
            throw KubernetesErrors.unexpected(e, "Creating profile " + request.name());
        }
        writes.wrote(
                created,
                Actor.api(caller.user()),
                audit(caller, AuditRecord.allowed(CREATE), created.name())
                        .after(ProfileSummary.of(created).json(jsonMapper))
                        .build());
        return new ProfileAndRole(created, authorization.roleOf(caller, created));
    }

    public ProfileAndRole update(Caller caller, String name, ProfileChange request) {
        for (int attempt = 1; ; attempt++) {
            Profile current = get(name);
            authorization.require(caller, current, ProfileRole.OWNER, UPDATE);
            if (request.owner() != null && !request.owner().equals(current.ownerName())) {
                authorizer.requireClusterAdmin(caller, UPDATE, ProfileAuthorization.PROFILE_KIND, name);
            }
            Profile.Spec desired = changed(current.getSpec(), request);
            if (Objects.equals(ProfileSummary.of(current), ProfileSummary.of(Profile.of(name, desired)))) {
                return new ProfileAndRole(current, authorization.roleOf(caller, current));
            }
            try {
                Profile updated = client.jsonPatch(ProfileResources.PROFILES, null, name, specPatch(current, desired));
                writes.wrote(
                        updated,
                        Actor.api(caller.user()),
                        audit(caller, AuditRecord.allowed(UPDATE), name)
                                .before(ProfileSummary.of(current).json(jsonMapper))
                                .after(ProfileSummary.of(updated).json(jsonMapper))
                                .build());
                return new ProfileAndRole(updated, authorization.roleOf(caller, updated));
            } catch (ApiException e) {
                if (KubernetesErrors.isConflict(e) && attempt < UPDATE_ATTEMPTS) {
                    continue;
                }
                if (KubernetesErrors.isConflict(e)) {
                    throw ApiProblems.conflict("Profile " + name + " keeps changing; try again.");
                }
                if (KubernetesErrors.isNotFound(e)) {
                    throw ProfileProblems.profileNotFound(name);
                }
                throw KubernetesErrors.unexpected(e, "Updating profile " + name);
            }
        }
    }

    /** Deletes the profile; the reconciler's finalizer then removes its namespace and what is in it. */
    public void delete(Caller caller, String name) {
        Profile current = get(name);
        authorization.require(caller, current, ProfileRole.OWNER, DELETE);
        writes.deleting(current, Actor.api(caller.user()));
        try {
            client.delete(ProfileResources.PROFILES, null, name);
        } catch (ApiException e) {
            writes.deletionFailed(current);
            if (KubernetesErrors.isNotFound(e)) {
                throw ProfileProblems.profileNotFound(name);
            }
            throw KubernetesErrors.unexpected(e, "Deleting profile " + name);
        }
        auditLog.record(audit(caller, AuditRecord.allowed(DELETE), name)
                .before(ProfileSummary.of(current).json(jsonMapper))
                .build());
    }

    private static AuditRecord.Builder audit(Caller caller, AuditRecord.Builder record, String name) {
        return record.actor(caller.user(), caller.remoteAddress())
                .resource(ProfileAuthorization.PROFILE_KIND, null, name);
    }

    private static Profile.Spec changed(Profile.Spec current, ProfileChange request) {
        Profile.Owner owner = request.owner() == null ? current.owner() : Profile.Owner.user(request.owner());
        V1ResourceQuotaSpec quota = current.resourceQuotaSpec();
        if (request.resourceQuota() != null) {
            // keeps scopes a kubectl user may have set; only the hard limits are the API's to change
            quota = quota == null ? new V1ResourceQuotaSpec() : KubeJson.copy(quota);
            quota.setHard(
                    request.resourceQuota().isEmpty()
                            ? null
                            : Quotas.spec(request.resourceQuota()).getHard());
        }
        List<Profile.Plugin> plugins = request.plugins() == null ? current.plugins() : request.plugins();
        return new Profile.Spec(owner, quota, plugins);
    }

    /**
     * Replaces the spec's fields, bound to the resourceVersion they were computed from (409 if someone wrote in
     * between); the generation it produces is then recorded as the caller's ({@link ProfileWrites}).
     */
    private static JsonPatch specPatch(Profile current, Profile.Spec desired) {
        return JsonPatch.atResourceVersion(current.getMetadata().getResourceVersion())
                .add("/spec", KubeJson.element(desired));
    }
}
