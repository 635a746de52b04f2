package dev.notebooks.profile.controller;

import static dev.notebooks.profile.domain.ProfileResources.PROFILES;

import dev.notebooks.platform.events.Actor;
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
import dev.notebooks.profile.domain.ProfileAnnotations;
import dev.notebooks.profile.domain.ProfileResources;
import dev.notebooks.profile.events.ProfileAnnouncer;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
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

    private final ChildConvergence children;
    private final ProfileCleanup cleanup;
    private final ProfileAnnouncer announcer;
    private final Finalizers finalizers;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final ProfileSettings settings;
    private final String service;

    ProfileReconciler(
            ChildConvergence children,
            ProfileCleanup cleanup,
            ProfileAnnouncer announcer,
            Finalizers finalizers,
            StatusWriter statusWriter,
            EventRecorder events,
            ProfileSettings settings,
            KubeConfiguration configuration) {
        this.children = children;
        this.cleanup = cleanup;
        this.announcer = announcer;
        this.finalizers = finalizers;
        this.statusWriter = statusWriter;
        this.events = events;
        this.settings = settings;
        this.service = configuration.getFieldManager();
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
        return new ReconcilerSpec<>(PROFILES, owned);
    }

    @Override
    public Result reconcile(Profile profile) throws ApiException {
        if (profile.getMetadata().getDeletionTimestamp() != null) {
            return finalizeDeletion(profile);
        }
        Profile current = finalizers.add(PROFILES, profile, DesiredChildren.FINALIZER);
        // a profile without an owner is announced once it names one (every event carries the owner)
        if (current.ownerName() != null && !current.ownerName().isBlank()) {
            announcer.specObserved(
                    current, ProfileAnnotations.actorOf(current, SpecManagers.of(current.getMetadata(), service)));
        }
        ReadyState state = children.converge(current);
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
        return Results.done();
    }

    private Result finalizeDeletion(Profile profile) throws ApiException {
        cleanup.deleteChildren(profile);
        Actor deleter = ProfileAnnotations.deleterOf(profile, SpecManagers.UNKNOWN);
        announcer.deletionObserved(profile, deleter);
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
