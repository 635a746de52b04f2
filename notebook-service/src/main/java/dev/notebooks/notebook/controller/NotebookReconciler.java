package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static dev.notebooks.notebook.domain.NotebookResources.POD_DEFAULTS;
import static dev.notebooks.notebook.domain.NotebookResources.VIRTUAL_SERVICES;

import dev.notebooks.notebook.NotebookSettings;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.NotebookStatus;
import dev.notebooks.notebook.domain.poddefault.PodDefaults;
import dev.notebooks.notebook.domain.status.ListPhase;
import dev.notebooks.notebook.domain.status.ListPhases;
import dev.notebooks.notebook.domain.status.NotebookStatuses;
import dev.notebooks.notebook.events.NotebookAnnouncer;
import dev.notebooks.notebook.events.Observed;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.kube.runtime.ReconcilerSpec;
import dev.notebooks.platform.kube.runtime.ResourceReconciler;
import dev.notebooks.platform.kube.runtime.Results;
import dev.notebooks.platform.kube.status.StatusWriter;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Kubeflow's notebook controller, better: for every Notebook, whoever wrote it (the spawner API, kubectl, JWA), the
 * StatefulSet, Service and (with Istio) VirtualService it needs with the namespace's PodDefaults applied, a status in
 * Kubeflow's shape written only when it changed, and the pod's and StatefulSet's Events re-issued on it. Runs on the
 * leader only (the controller runtime's lease).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class NotebookReconciler implements ResourceReconciler<Notebook> {

    /** The list's warnings that mean the server will not start without a change (not a pod still starting). */
    static final List<String> FAILURE_REASONS = List.of(
            "ImagePullBackOff",
            "ErrImagePull",
            "InvalidImageName",
            "ErrImageNeverPull",
            "CrashLoopBackOff",
            "CreateContainerConfigError",
            "Unschedulable");

    static final String QUOTA_PREFIX = "Quota exceeded";

    private final NotebookChildren children;
    private final PodEvents podEvents;
    private final InformerCache cache;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final NotebookSettings settings;
    private final NotebookAnnouncer announcer;
    private final CullingStatus cullingStatus;

    NotebookReconciler(
            NotebookChildren children,
            PodEvents podEvents,
            InformerCache cache,
            StatusWriter statusWriter,
            EventRecorder events,
            NotebookSettings settings,
            NotebookAnnouncer announcer,
            CullingStatus cullingStatus) {
        this.announcer = announcer;
        this.cullingStatus = cullingStatus;
        this.children = children;
        this.podEvents = podEvents;
        this.cache = cache;
        this.statusWriter = statusWriter;
        this.events = events;
        this.settings = settings;
    }

    @Override
    public ReconcilerSpec<Notebook> spec() {
        List<ResourceType<?>> owned = new ArrayList<>(List.of(ResourceTypes.STATEFUL_SET, ResourceTypes.SERVICE));
        if (settings.getIstio().isEnabled()) {
            owned.add(VIRTUAL_SERVICES);
        }
        return new ReconcilerSpec<>(NOTEBOOKS, owned)
                .watching(
                        ResourceTypes.POD, pod -> notebookOf(pod).map(List::of).orElse(List.of()))
                .watching(ResourceTypes.EVENT, podEvents::observe)
                .watching(POD_DEFAULTS, podDefault -> children.notebooksIn(podDefault.namespace()));
    }

    @Override
    public Result reconcile(Notebook notebook) throws ApiException {
        if (notebook.getMetadata().getDeletionTimestamp() != null) {
            // JWA deletes in the foreground: the garbage collector removes the children, nothing to make
            announcer.deleted(
                    notebook.namespace(),
                    notebook.name(),
                    notebook.getMetadata().getUid(),
                    announcer.writerOf(notebook));
            return Results.done();
        }
        NotebookChildren.Converged converged = children.converge(notebook);
        Optional<V1Pod> pod = cache.get(ResourceTypes.POD, notebook.namespace(), notebook.name() + "-0")
                .filter(found -> ownedByStatefulSetOf(found, converged.statefulSet()));
        Optional<NotebookCondition> failure = converged.conflict().map(conflict -> condition(notebook, conflict));
        NotebookStatus next = withCulling(
                        notebook,
                        NotebookStatuses.of(notebook.name(), converged.statefulSet(), pod.orElse(null), failure))
                .observedAt(notebook.getMetadata().getGeneration());
        if (NotebookStatuses.changed(notebook.getStatus(), next)) {
            statusWriter.write(NOTEBOOKS, notebook, next);
            notebook.status(next);
        }
        converged
                .conflict()
                .ifPresent(conflict -> events.warnOnce(
                        NOTEBOOKS, notebook, PodDefaults.Result.Conflicting.REASON, conflict.message()));
        converged
                .skippedPodDefaults()
                .forEach((name, reason) -> events.warnOnce(
                        NOTEBOOKS, notebook, "PodDefaultSkipped", "PodDefault " + name + " is not applied: " + reason));
        podEvents.reissue(
                notebook,
                reissued -> events.record(
                        NOTEBOOKS,
                        notebook,
                        reissued.type() == null ? EventRecorder.NORMAL : reissued.type(),
                        reissued.reason(),
                        reissued.message()));
        announcer.observed(new Observed(notebook, running(notebook), failure(notebook, converged)));
        return Results.done();
    }

    /** A running notebook's status says whether it can be culled, and why not (see {@link CullingStatus}). */
    private NotebookStatus withCulling(Notebook notebook, NotebookStatus status) {
        if (status.readyReplicas() < 1 || notebook.isStopped()) {
            return status;
        }
        Optional<NotebookCondition> culling = cullingStatus.condition(notebook);
        if (culling.isEmpty()) {
            return status;
        }
        List<NotebookCondition> conditions = new ArrayList<>(status.conditions());
        conditions.add(culling.get());
        return new NotebookStatus(conditions, status.readyReplicas(), status.containerState());
    }

    private static Observed.Running running(Notebook notebook) {
        if (notebook.isStopped()) {
            return Observed.Running.STOPPED;
        }
        return notebook.getStatus() != null && notebook.getStatus().readyReplicas() >= 1
                ? Observed.Running.YES
                : Observed.Running.NOT_YET;
    }

    /** A reason the server will not get over by itself, as the list would show it; none while it starts. */
    private Optional<Observed.Failure> failure(Notebook notebook, NotebookChildren.Converged converged) {
        if (converged.conflict().isPresent()) {
            return Optional.of(new Observed.Failure(
                    PodDefaults.Result.Conflicting.REASON,
                    converged.conflict().get().message()));
        }
        if (notebook.isStopped()) {
            return Optional.empty();
        }
        ListPhase phase = ListPhases.of(notebook, podEvents.onNotebook(notebook), Instant.now());
        if (!ListPhase.WARNING.equals(phase.phase())) {
            return Optional.empty();
        }
        String message = phase.message();
        for (String reason : FAILURE_REASONS) {
            if (message.startsWith(reason + ":")) {
                return Optional.of(new Observed.Failure(reason, message));
            }
        }
        if (message.startsWith(QUOTA_PREFIX)) {
            return Optional.of(new Observed.Failure("QuotaExceeded", message));
        }
        return Optional.empty();
    }

    /** {@code Ready=False, PodDefaultConflict}, its transition time kept while the same conflict lasts. */
    private static NotebookCondition condition(Notebook notebook, PodDefaults.Result.Conflicting conflict) {
        String message = conflict.message();
        OffsetDateTime since = Optional.ofNullable(notebook.getStatus())
                .flatMap(status -> status.conditions().stream()
                        .filter(c -> NotebookStatuses.READY.equals(c.type())
                                && "False".equals(c.status())
                                && PodDefaults.Result.Conflicting.REASON.equals(c.reason()))
                        .findFirst())
                .map(NotebookCondition::lastTransitionTime)
                .orElseGet(() -> OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.SECONDS));
        return new NotebookCondition(
                NotebookStatuses.READY, "False", since, since, PodDefaults.Result.Conflicting.REASON, message);
    }

    private static Optional<String> notebookOf(V1Pod pod) {
        Map<String, String> labels =
                pod.getMetadata() == null ? null : pod.getMetadata().getLabels();
        return Optional.ofNullable(labels == null ? null : labels.get(NotebookAnnotations.NOTEBOOK_NAME_LABEL));
    }

    // a pod of an earlier notebook of the same name is not this one's
    private static boolean ownedByStatefulSetOf(V1Pod pod, V1StatefulSet statefulSet) {
        if (statefulSet == null || pod.getMetadata().getOwnerReferences() == null) {
            return statefulSet != null;
        }
        Set<String> owners = new java.util.HashSet<>();
        pod.getMetadata().getOwnerReferences().forEach(reference -> owners.add(reference.getUid()));
        return owners.isEmpty() || owners.contains(statefulSet.getMetadata().getUid());
    }
}
