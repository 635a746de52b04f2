package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.events.NotebookAnnouncer;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.kube.runtime.LeaderOnly;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Announces a deleted notebook: when the informer sees it go (the reconciler is never called for an object that is
 * gone) and, when this replica starts leading, for every notebook announced earlier that is no longer there (deleted
 * while no replica led). An announcement that failed (PostgreSQL away) is tried again every second while leading.
 * Without a finalizer: a Notebook never waits for this service to be deleted.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class NotebookDeletions implements LeaderOnly, ResourceEventHandler<Notebook> {

    private static final Logger LOG = LoggerFactory.getLogger(NotebookDeletions.class);
    private static final Duration SYNC_POLL = Duration.ofMillis(100);
    private static final Duration RETRY = Duration.ofSeconds(1);

    private final InformerCache cache;
    private final NotebookAnnouncer announcer;
    private final Duration resync;
    private final ScheduledExecutorService worker = Executors.newSingleThreadScheduledExecutor(task -> {
        Thread thread = new Thread(task, "notebook-deletions");
        thread.setDaemon(true);
        return thread;
    });
    private volatile boolean leading;
    private boolean watching;

    NotebookDeletions(InformerCache cache, NotebookAnnouncer announcer, KubeConfiguration configuration) {
        this.cache = cache;
        this.announcer = announcer;
        this.resync = configuration.getResyncPeriod();
    }

    @Override
    public synchronized void onStartedLeading() {
        leading = true;
        if (!watching) {
            cache.informer(NOTEBOOKS, resync).addEventHandler(this);
            watching = true;
        }
        worker.submit(this::sweep);
    }

    @Override
    public void onStoppedLeading() {
        leading = false;
    }

    @Override
    public void onAdd(Notebook notebook) {}

    @Override
    public void onUpdate(Notebook before, Notebook after) {}

    @Override
    public void onDelete(Notebook notebook, boolean deletedFinalStateUnknown) {
        if (leading && notebook.getMetadata() != null) {
            worker.submit(() -> announce(
                    notebook.namespace(),
                    notebook.name(),
                    notebook.getMetadata().getUid()));
        }
    }

    private void sweep() {
        try {
            while (leading && !cache.hasSynced(List.of(NOTEBOOKS))) {
                TimeUnit.MILLISECONDS.sleep(SYNC_POLL.toMillis());
            }
            for (Map.Entry<String, String> announced : announcer.announced().entrySet()) {
                String[] key = announced.getKey().split("/", 2);
                boolean present = cache.get(NOTEBOOKS, key[0], key[1])
                        .filter(notebook -> announced
                                .getValue()
                                .equals(notebook.getMetadata().getUid()))
                        .isPresent();
                if (leading && !present) {
                    announce(key[0], key[1], announced.getValue());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Notebooks deleted while no replica led could not be announced: {}", e.toString());
        }
    }

    private void announce(String namespace, String name, String uid) {
        try {
            announcer.deleted(namespace, name, uid, Actor.kubectl(UNKNOWN));
        } catch (RuntimeException e) {
            LOG.warn(
                    "The deletion of notebook {}/{} could not be announced, tried again in {}: {}",
                    namespace,
                    name,
                    RETRY,
                    e.toString());
            if (leading) {
                worker.schedule(() -> announce(namespace, name, uid), RETRY.toMillis(), TimeUnit.MILLISECONDS);
            }
        }
    }

    private static final String UNKNOWN = "unknown";

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }
}
