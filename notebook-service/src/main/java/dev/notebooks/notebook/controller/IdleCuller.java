package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;

import com.google.gson.JsonObject;
import dev.notebooks.notebook.CullingSettings;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.NotebookCondition;
import dev.notebooks.notebook.domain.culling.Activities;
import dev.notebooks.notebook.domain.culling.ActivityReading;
import dev.notebooks.notebook.domain.culling.ActivitySource;
import dev.notebooks.notebook.domain.culling.ActivitySources;
import dev.notebooks.notebook.domain.culling.Culling;
import dev.notebooks.notebook.domain.status.NotebookStatuses;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.runtime.ControllerRuntime;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.kube.runtime.LeaderOnly;
import io.kubernetes.client.openapi.ApiException;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Provider;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stops idle notebooks, on the leader only, every check period: each running notebook's activity is read from the
 * source its server type has (Jupyter's kernels and terminals, code-server's heartbeat, a configured probe); one whose
 * source does not work is never culled, and its status says so. The exact last activity is kept here; the
 * {@code notebooks.kubeflow.org/last-activity} annotation is written only when it moved by more than the step, so idle
 * notebooks cost no writes. Culling sets {@code kubeflow-resource-stopped} (and {@code notebooks.dev/culled-at} to the
 * same value, so the reconciler announces {@code notebook.culled.v1} and audits it).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
@Requires(property = CullingSettings.PREFIX + ".enabled", value = "true")
class IdleCuller implements LeaderOnly {

    static final String CULLED_METRIC = "notebook.culling";
    static final String PROBES_METRIC = "notebook.activity.probes";

    private static final Logger LOG = LoggerFactory.getLogger(IdleCuller.class);

    private final CullingSettings settings;
    private final InformerCache cache;
    private final ActivityReader reader;
    private final CullingStatus status;
    private final ResourceClient client;
    private final Provider<ControllerRuntime> runtime;
    private final Optional<MeterRegistry> meters;
    private final Map<String, Instant> lastActivity = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "idle-culler");
        thread.setDaemon(true);
        return thread;
    });
    private ScheduledFuture<?> checks;

    IdleCuller(
            CullingSettings settings,
            InformerCache cache,
            ActivityReader reader,
            CullingStatus status,
            ResourceClient client,
            Provider<ControllerRuntime> runtime,
            Optional<MeterRegistry> meters) {
        this.settings = settings;
        this.cache = cache;
        this.reader = reader;
        this.status = status;
        this.client = client;
        this.runtime = runtime;
        this.meters = meters;
    }

    @Override
    public synchronized void onStartedLeading() {
        if (checks == null) {
            long period = Math.max(1, settings.getCheckPeriod().toMillis());
            checks = timer.scheduleWithFixedDelay(this::check, period, period, TimeUnit.MILLISECONDS);
        }
    }

    @Override
    public synchronized void onStoppedLeading() {
        if (checks != null) {
            checks.cancel(false);
            checks = null;
        }
    }

    /** One look at every running notebook; never throws (the timer would stop). */
    void check() {
        try {
            checkAll();
        } catch (Throwable e) {
            LOG.error("Culling check failed", e);
        }
    }

    private void checkAll() {
        Set<String> running = new HashSet<>();
        for (Notebook notebook : cache.list(NOTEBOOKS)) {
            try {
                if (isRunning(notebook)) {
                    running.add(key(notebook));
                    check(notebook, Instant.now());
                }
            } catch (RuntimeException | ApiException e) {
                LOG.warn("Culling check of notebook {} failed: {}", key(notebook), e.toString());
            }
        }
        lastActivity.keySet().retainAll(running);
        for (Notebook notebook : cache.list(NOTEBOOKS)) {
            if (!running.contains(key(notebook)) && status.condition(notebook).isPresent()) {
                status.forget(notebook.namespace(), notebook.name());
                reconcileAgain(notebook);
            }
        }
    }

    private void check(Notebook notebook, Instant now) throws ApiException {
        ActivitySource source = ActivitySources.of(notebook, Optional.empty(), settings.probesByServerType());
        ActivityReading reading = reader.read(notebook, source, now);
        meters.ifPresent(registry ->
                registry.counter(PROBES_METRIC).increment(source.paths().size()));
        CullingStatus.Source known = reading instanceof ActivityReading.Unavailable unavailable
                ? new CullingStatus.Source(Optional.of(unavailable.reason()), "")
                : new CullingStatus.Source(
                        Optional.empty(), "activity read from " + String.join(" and ", source.paths()));
        if (status.set(notebook.namespace(), notebook.name(), known)) {
            reconcileAgain(notebook);
        }
        Instant newest = newest(
                lastActivity.get(key(notebook)),
                reading instanceof ActivityReading.Observed observed
                        ? observed.lastActivity().orElse(null)
                        : null,
                notebook.annotation(NotebookAnnotations.LAST_ACTIVITY)
                        .flatMap(Activities::instant)
                        .orElse(null),
                startedAt(notebook).orElse(now));
        lastActivity.put(key(notebook), newest);
        Culling.Verdict verdict = Culling.decide(
                now,
                newest,
                Culling.idleTime(notebook, settings.getIdleTime()),
                notebook.isStopped(),
                reading.available());
        if (verdict == Culling.Verdict.CULL) {
            cull(notebook, newest, now);
        } else if (reading.available()
                && Culling.shouldWriteLastActivity(
                        notebook.annotations().get(NotebookAnnotations.LAST_ACTIVITY),
                        newest,
                        settings.getLastActivityStep())) {
            JsonObject annotations = new JsonObject();
            annotations.addProperty(NotebookAnnotations.LAST_ACTIVITY, Culling.timestamp(newest));
            patchAnnotations(notebook, annotations);
        }
    }

    private void cull(Notebook notebook, Instant lastActive, Instant now) throws ApiException {
        String at = Culling.timestamp(now);
        JsonObject annotations = new JsonObject();
        annotations.addProperty(NotebookAnnotations.STOPPED, at);
        annotations.addProperty(NotebookAnnotations.CULLED_AT, at);
        annotations.addProperty(NotebookAnnotations.LAST_ACTIVITY, Culling.timestamp(lastActive));
        patchAnnotations(notebook, annotations);
        meters.ifPresent(registry -> registry.counter(CULLED_METRIC, "namespace", notebook.namespace())
                .increment());
        LOG.info(
                "Notebook {} culled: idle since {} ({} minutes)",
                key(notebook),
                Culling.timestamp(lastActive),
                Duration.between(lastActive, now).toMinutes());
    }

    // bound to the version read: a user's start or stop in between wins, and the next check sees it
    private void patchAnnotations(Notebook notebook, JsonObject annotations) throws ApiException {
        JsonObject metadata = new JsonObject();
        metadata.add("annotations", annotations);
        metadata.addProperty("resourceVersion", notebook.getMetadata().getResourceVersion());
        JsonObject patch = new JsonObject();
        patch.add("metadata", metadata);
        client.mergePatch(NOTEBOOKS, notebook.namespace(), notebook.name(), patch);
    }

    private void reconcileAgain(Notebook notebook) {
        runtime.get().reconcileAgain(NOTEBOOKS, notebook.namespace(), notebook.name());
    }

    static boolean isRunning(Notebook notebook) {
        return !notebook.isStopped()
                && notebook.getMetadata().getDeletionTimestamp() == null
                && notebook.getStatus() != null
                && notebook.getStatus().readyReplicas() >= 1;
    }

    /** When its server became ready: the Ready condition's transition, mirrored from the pod. */
    private static Optional<Instant> startedAt(Notebook notebook) {
        return notebook.getStatus().conditions().stream()
                .filter(condition ->
                        NotebookStatuses.READY.equals(condition.type()) && "True".equals(condition.status()))
                .map(NotebookCondition::lastTransitionTime)
                .filter(time -> time != null)
                .map(time -> time.toInstant())
                .findFirst();
    }

    private static Instant newest(Instant... instants) {
        Instant newest = null;
        for (Instant instant : instants) {
            if (instant != null && (newest == null || instant.isAfter(newest))) {
                newest = instant;
            }
        }
        return newest;
    }

    private static String key(Notebook notebook) {
        return notebook.namespace() + "/" + notebook.name();
    }

    @PreDestroy
    void stop() {
        timer.shutdownNow();
    }
}
