package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.Controllers;
import io.kubernetes.client.extended.controller.DefaultController;
import io.kubernetes.client.extended.controller.reconciler.Reconciler;
import io.kubernetes.client.extended.controller.reconciler.Request;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.extended.workqueue.DefaultRateLimitingQueue;
import io.kubernetes.client.extended.workqueue.RateLimitingQueue;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.openapi.ApiException;
import java.net.HttpURLConnection;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs one {@link ResourceReconciler}: informer events of the primary resource and of its owned children feed a
 * rate-limited work queue (keyed by namespace/name, so one resource is never reconciled twice at once), and worker
 * threads of client-java's {@link DefaultController} take from it. Informers run all the time; the queue and the
 * workers exist only while this replica leads.
 */
final class ReconcileLoop<T extends KubernetesObject> implements Reconciler {

    /** The MDC key that tags every log line of a reconcile pass with its resource. */
    static final String RESOURCE_MDC_KEY = "resource";

    private static final Logger LOG = LoggerFactory.getLogger(ReconcileLoop.class);
    private static final Duration SYNC_POLL = Duration.ofMillis(100);

    private final ResourceReconciler<T> reconciler;
    private final ReconcilerSpec<T> spec;
    private final InformerCache informers;
    private final FailedPasses failedPasses;
    private final KubeConfiguration configuration;
    private final AtomicReference<RateLimitingQueue<Request>> queue = new AtomicReference<>();
    private DefaultController controller;
    private ExecutorService queueThread;

    ReconcileLoop(
            ResourceReconciler<T> reconciler,
            InformerCache informers,
            FailedPasses failedPasses,
            KubeConfiguration configuration) {
        this.reconciler = reconciler;
        this.spec =
                Objects.requireNonNull(reconciler.spec(), reconciler.getClass().getName() + ".spec()");
        this.informers = informers;
        this.failedPasses = failedPasses;
        this.configuration = configuration;
    }

    String name() {
        return spec.name();
    }

    /** Registers the informers and their event handlers; before the informers start. */
    void watch() {
        informers
                .informer(spec.primary(), configuration.getResyncPeriod())
                .addEventHandler(new Enqueue<>(primary -> List.of(request(primary))));
        spec.owned().forEach(this::watchOwned);
        spec.related().forEach(this::watchRelated);
    }

    private <C extends KubernetesObject> void watchOwned(ResourceType<C> owned) {
        informers.informer(owned, Duration.ZERO).addEventHandler(new Enqueue<>(child -> ownerOf(child).stream()
                .toList()));
    }

    private <C extends KubernetesObject> void watchRelated(ReconcilerSpec.Related<C> related) {
        informers.informer(related.type(), Duration.ZERO).addEventHandler(new Enqueue<>(object -> {
            String namespace =
                    spec.primary().namespaced() ? object.getMetadata().getNamespace() : null;
            Collection<String> names = related.primaries().apply(object);
            return names == null
                    ? List.of()
                    : names.stream().map(name -> new Request(namespace, name)).toList();
        }));
    }

    /** Starts the work queue and the workers; every cached primary resource is reconciled once more. */
    synchronized void start(ExecutorService runner) {
        if (queue.get() != null) {
            return;
        }
        queueThread = Executors.newSingleThreadExecutor(Controllers.namedControllerThreadFactory(name() + "-queue"));
        RateLimitingQueue<Request> workQueue = new DefaultRateLimitingQueue<>(queueThread);
        DefaultController workers = new DefaultController(name(), this, workQueue);
        workers.setWorkerCount(configuration.getWorkers());
        workers.setWorkerThreadPool(Executors.newScheduledThreadPool(
                configuration.getWorkers(), Controllers.namedControllerThreadFactory(name())));
        controller = workers;
        queue.set(workQueue);
        informers.list(spec.primary()).forEach(primary -> workQueue.add(request(primary)));
        runner.submit(() -> {
            if (awaitSynced(workQueue)) {
                workers.run();
            }
        });
        LOG.info("{} started with {} workers", name(), configuration.getWorkers());
    }

    synchronized void stop() {
        if (queue.getAndSet(null) == null) {
            return;
        }
        controller.shutdown();
        queueThread.shutdownNow();
        LOG.info("{} stopped", name());
    }

    // children found missing before their cache is filled would be created twice
    private boolean awaitSynced(RateLimitingQueue<Request> workQueue) {
        List<ResourceType<?>> types = spec.watchedTypes();
        try {
            while (!informers.hasSynced(types)) {
                if (queue.get() != workQueue) {
                    return false;
                }
                TimeUnit.MILLISECONDS.sleep(SYNC_POLL.toMillis());
            }
            return queue.get() == workQueue;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public Result reconcile(Request request) {
        ResourceType<T> type = spec.primary();
        String resource = type.kind() + " " + type.key(request.getNamespace(), request.getName());
        MDC.put(RESOURCE_MDC_KEY, resource);
        Optional<T> current = Optional.empty();
        try {
            current = informers.get(type, request.getNamespace(), request.getName());
            if (current.isEmpty()) {
                LOG.debug("{}: gone, nothing to reconcile", resource);
                return Results.done();
            }
            long started = System.nanoTime();
            Result result =
                    Optional.ofNullable(reconciler.reconcile(current.get())).orElseGet(Results::done);
            LOG.info(
                    "{}: reconciled in {} ms{}",
                    resource,
                    TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started),
                    nextPass(result));
            return result;
        } catch (ApiException e) {
            if (e.getCode() == HttpURLConnection.HTTP_CONFLICT) {
                LOG.info("{}: conflict with another write, reconciling again", resource);
            } else {
                LOG.warn("{}: the API answered {}, reconciling again: {}", resource, e.getCode(), ApiErrors.message(e));
                current.ifPresent(failed -> failedPasses.record(name(), type, failed, e));
            }
            return Results.retry();
        } catch (RuntimeException e) {
            LOG.error("{}: reconcile failed, reconciling again", resource, e);
            current.ifPresent(failed -> failedPasses.record(name(), type, failed, e));
            return Results.retry();
        } finally {
            MDC.remove(RESOURCE_MDC_KEY);
        }
    }

    private static String nextPass(Result result) {
        if (!result.isRequeue()) {
            return "";
        }
        return result.getRequeueAfter() == null ? ", again soon" : ", again in " + result.getRequeueAfter();
    }

    private Request request(KubernetesObject primary) {
        String namespace = spec.primary().namespaced() ? primary.getMetadata().getNamespace() : null;
        return new Request(namespace, primary.getMetadata().getName());
    }

    private Optional<Request> ownerOf(KubernetesObject child) {
        String namespace = spec.primary().namespaced() ? child.getMetadata().getNamespace() : null;
        Optional<Request> owner = OwnerReferences.controllerOf(child, spec.primary())
                .map(reference -> new Request(namespace, reference.getName()));
        if (owner.isEmpty() && spec.ownsItsNamespace() && child.getMetadata().getNamespace() != null) {
            return Optional.of(new Request(null, child.getMetadata().getNamespace()));
        }
        return owner;
    }

    ResourceType<T> primary() {
        return spec.primary();
    }

    /** Reconciles the resource again soon, as if it had changed; nothing while this replica does not lead. */
    void enqueue(String namespace, String name) {
        enqueue(List.of(new Request(spec.primary().namespaced() ? namespace : null, name)));
    }

    private void enqueue(Collection<Request> requests) {
        RateLimitingQueue<Request> workQueue = queue.get();
        if (workQueue != null) {
            requests.forEach(workQueue::add);
        }
    }

    /** Turns every informer event into the requests of the resources it concerns. */
    private final class Enqueue<K extends KubernetesObject> implements ResourceEventHandler<K> {

        private final Function<K, Collection<Request>> requestOf;

        Enqueue(Function<K, Collection<Request>> requestOf) {
            this.requestOf = requestOf;
        }

        @Override
        public void onAdd(K object) {
            enqueue(requestOf.apply(object));
        }

        @Override
        public void onUpdate(K oldObject, K newObject) {
            Collection<Request> after = requestOf.apply(newObject);
            enqueue(after);
            enqueue(requestOf.apply(oldObject).stream()
                    .filter(request -> !after.contains(request))
                    .toList());
        }

        @Override
        public void onDelete(K object, boolean deletedFinalStateUnknown) {
            enqueue(requestOf.apply(object));
        }
    }
}
