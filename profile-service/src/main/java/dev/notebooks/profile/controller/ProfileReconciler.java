package dev.notebooks.profile.controller;

import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.Finalizers;
import dev.notebooks.platform.kube.runtime.ReconcilerSpec;
import dev.notebooks.platform.kube.runtime.ResourceReconciler;
import dev.notebooks.platform.kube.runtime.Results;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import dev.notebooks.profile.ProfileSettings;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileResources;
import dev.notebooks.profile.events.ContributorAnnouncer;
import dev.notebooks.profile.events.ProfileAnnouncer;
import dev.notebooks.profile.store.ProfileWriteRepository;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * Kubeflow's profile controller: for every Profile, whoever wrote it, the namespace and what goes in it, a Ready
 * condition saying what is wrong if anything is, and an announcement of every change it observes. Runs on the leader
 * only (the controller runtime's lease).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class ProfileReconciler implements ResourceReconciler<Profile> {

    private static final Duration AUTHOR_RECORD_POLL = Duration.ofMillis(200);

    private final ChildConvergence children;
    private final ProfileAnnouncer announcer;
    private final Finalizers finalizers;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final ProfileSettings settings;
    private final ChangeAuthors authors;
    private final ContributorAnnouncer contributorAnnouncer;
    private final ObservedContributors contributors;

    ProfileReconciler(
            ChildConvergence children,
            ProfileAnnouncer announcer,
            Finalizers finalizers,
            StatusWriter statusWriter,
            EventRecorder events,
            ProfileSettings settings,
            ProfileWriteRepository writes,
            ContributorAnnouncer contributorAnnouncer,
            ChildClient childClient,
            KubeConfiguration configuration) {
        this.children = children;
        this.announcer = announcer;
        this.finalizers = finalizers;
        this.statusWriter = statusWriter;
        this.events = events;
        this.settings = settings;
        this.authors = new ChangeAuthors(writes, configuration.getFieldManager(), Clock.systemUTC());
        this.contributorAnnouncer = contributorAnnouncer;
        this.contributors = new ObservedContributors(childClient, configuration.getFieldManager(), Clock.systemUTC());
    }

    @Override
    public ReconcilerSpec<Profile> spec() {
        List<ResourceType<?>> owned = new ArrayList<>(List.of(
                ResourceTypes.NAMESPACE,
                ResourceTypes.SERVICE_ACCOUNT,
                ResourceTypes.ROLE_BINDING,
                ResourceTypes.RESOURCE_QUOTA));
        if (settings.isIstioAuthorizationPolicies()) {
            owned.add(ProfileResources.AUTHORIZATION_POLICIES);
        }
        // a contributor's RoleBinding written with kubectl has no owner reference: its namespace names the profile
        return new ReconcilerSpec<>(PROFILES, owned).owningItsNamespace();
    }

    @Override
    public Result reconcile(Profile profile) throws ApiException {
        if (profile.getMetadata().getDeletionTimestamp() != null) {
            return finalizeDeletion(profile);
        }
        Profile current = finalizers.add(PROFILES, profile, DesiredChildren.FINALIZER);
        // a profile without an owner is announced once it names one (every event carries the owner)
        boolean announced = current.ownerName() == null
                || current.ownerName().isBlank()
                || announcer.specObserved(current, () -> authors.authorOf(current));
        ReadyState state = children.converge(current);
        if (!announced) {
            // this service's own write, whose record commits a moment after the API server answered it: the status
            // waits for the announcement, so readiness is never announced before the change it belongs to
            return Results.after(AUTHOR_RECORD_POLL);
        }
        boolean changed = statusWriter.write(
                PROFILES,
                current,
                new Profile.Status(Conditions.set(
                        current.conditions(),
                        state.condition(current.getMetadata().getGeneration()))));
        if (changed && state.ready()) {
            events.normal(PROFILES, current, "Ready", "namespace " + current.name() + " and its objects are ready");
        } else if (changed) {
            events.warning(PROFILES, current, state.reason(), state.message());
        }
        announcer.readinessObserved(current, state.ready(), state.reason(), state.message());
        boolean contributorsAnnounced = !hasItsNamespace(state)
                || contributorAnnouncer.contributorsObserved(current.name(), contributors.in(current));
        // a contributor binding the API just wrote waits for the API's record of it
        return contributorsAnnounced ? Results.done() : Results.after(AUTHOR_RECORD_POLL);
    }

    /** The finalizer holds the deletion only for what a cluster cannot do: plugin revocation and the announcement. */
    private static boolean hasItsNamespace(ReadyState state) {
        return !ReadyState.OWNER_MISSING.equals(state.reason())
                && !ReadyState.NAMESPACE_OWNED_BY_OTHER.equals(state.reason())
                && !ReadyState.NAMESPACE_TERMINATING.equals(state.reason());
    }

    private Result finalizeDeletion(Profile profile) throws ApiException {
        // the children carry owner references: the garbage collector deletes them once the profile is gone
        children.revokePlugins(profile);
        announcer.deletionObserved(profile, authors.deleterOf(profile));
        contributorAnnouncer.profileGone(profile.name());
        try {
            finalizers.remove(PROFILES, profile, DesiredChildren.FINALIZER);
        } catch (ApiException e) {
            // a pass queued before the finalizer came off finds the profile already gone
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw e;
            }
        }
        return Results.done();
    }
}
