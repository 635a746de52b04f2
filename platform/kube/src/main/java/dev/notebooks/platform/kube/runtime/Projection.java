package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiException;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The second kind of controller (ARCHITECTURE.md): rows in PostgreSQL are the truth, and a projection keeps one
 * Kubernetes target equal to them, such as the spawner ConfigMap from the image catalog or Dex's Password objects from
 * the accounts. A service extends it with one {@link #project()} pass; the {@link ControllerRuntime} runs every
 * projection bean.
 *
 * <p>A pass runs when the truth changes (the service calls {@link #request()}, e.g. after a commit), when the target
 * changes (an informer watches just the target, so {@code kubectl edit} triggers a pass at once, without polling), when
 * this replica starts leading, after a failure (backing off from {@value #FIRST_RETRY_SECONDS} s to
 * {@value #LAST_RETRY_SECONDS} s), and every resync period: the safety net for truth changed on another replica, whose
 * commit this one does not see. One thread does every pass, so passes never overlap; requests made while one waits are
 * merged into it. Only the leader projects: other replicas skip their passes.
 */
public abstract class Projection {

    static final long FIRST_RETRY_SECONDS = 1;
    static final long LAST_RETRY_SECONDS = 60;

    private static final Logger LOG = LoggerFactory.getLogger(Projection.class);

    private final String name;
    private final ProjectionTarget<?> target;
    private final Duration resync;
    private final ScheduledExecutorService thread;
    private final AtomicBoolean requested = new AtomicBoolean();
    private volatile boolean leading;
    private long retrySeconds = FIRST_RETRY_SECONDS;

    /**
     * @param name the projection's name in logs and its thread, e.g. {@code spawner-config-projection}
     * @param resync how often a pass runs without a request; zero for never
     */
    protected Projection(String name, ProjectionTarget<?> target, Duration resync) {
        this.name = Objects.requireNonNull(name, "name");
        this.target = Objects.requireNonNull(target, "target");
        this.resync = Objects.requireNonNull(resync, "resync");
        this.thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread worker = new Thread(runnable, name);
            worker.setDaemon(true);
            return worker;
        });
    }

    /**
     * One pass: read the truth and the target, write only the difference. Runs on the projection's thread, only while
     * this replica leads. A thrown exception is logged (its {@code toString()}, never a stack trace above DEBUG: a
     * message must not carry a secret) and the pass is tried again.
     */
    protected abstract void project() throws ApiException;

    public final String name() {
        return name;
    }

    public final ProjectionTarget<?> target() {
        return target;
    }

    /** Asks for a pass as soon as the thread is free; returns at once. */
    public final void request() {
        if (requested.compareAndSet(false, true)) {
            run(this::pass);
        }
    }

    /** Watches the target; before the informers start. */
    final void watch(InformerCache informers) {
        watchTarget(informers, target);
        if (!resync.isZero()) {
            thread.scheduleWithFixedDelay(this::request, resync.toMillis(), resync.toMillis(), TimeUnit.MILLISECONDS);
        }
    }

    private <T extends KubernetesObject> void watchTarget(InformerCache informers, ProjectionTarget<T> watched) {
        informers.informer(watched).addEventHandler(new RequestOnChange<>());
    }

    /** This replica now leads: one pass at once. */
    final void startLeading() {
        leading = true;
        request();
    }

    final void stopLeading() {
        leading = false;
    }

    final void shutdown() {
        leading = false;
        thread.shutdownNow();
    }

    private void pass() {
        requested.set(false);
        if (!leading) {
            return;
        }
        try {
            project();
            retrySeconds = FIRST_RETRY_SECONDS;
        } catch (ApiException e) {
            retryLater("the API answered " + ApiErrors.describe(e), e);
        } catch (RuntimeException e) {
            retryLater(e.toString(), e);
        }
    }

    private void retryLater(String why, Exception e) {
        LOG.warn("{}: {} not projected, trying again in {} s: {}", name, target, retrySeconds, why);
        LOG.debug("{}: the failed pass", name, e);
        try {
            thread.schedule(this::request, retrySeconds, TimeUnit.SECONDS);
        } catch (RejectedExecutionException stopping) {
            return;
        }
        retrySeconds = Math.min(retrySeconds * 2, LAST_RETRY_SECONDS);
    }

    // after shutdown nothing runs: a request from a late commit or informer event is dropped
    private void run(Runnable task) {
        try {
            thread.execute(task);
        } catch (RejectedExecutionException stopping) {
            requested.set(false);
        }
    }

    /** Any change of the target, even the projection's own write (whose pass then finds nothing to do). */
    private final class RequestOnChange<T extends KubernetesObject> implements ResourceEventHandler<T> {

        @Override
        public void onAdd(T object) {
            request();
        }

        @Override
        public void onUpdate(T oldObject, T newObject) {
            request();
        }

        @Override
        public void onDelete(T object, boolean deletedFinalStateUnknown) {
            request();
        }
    }
}
