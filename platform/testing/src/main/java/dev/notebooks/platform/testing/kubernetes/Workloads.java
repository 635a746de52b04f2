package dev.notebooks.platform.testing.kubernetes;

import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The simulated cluster components that make workloads move, as KWOK simulates them for clusters without kubelets:
 * they watch the store like any controller and write back through {@link ObjectApi} with their own field manager.
 * Everything runs on one thread, so a component never races another; a store change only queues work on it.
 */
final class Workloads implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Workloads.class);

    /** Work a component wants done once, keyed so that repeated requests before it runs collapse into one. */
    interface Task {
        void run() throws ApiError;
    }

    private final ObjectApi api;
    private final WorkloadSettings settings;
    private final ClusterEvents events;
    private final ScheduledThreadPoolExecutor thread = new ScheduledThreadPoolExecutor(1, runnable -> {
        Thread worker = new Thread(runnable, "kubernetes-api-double-workloads");
        worker.setDaemon(true);
        return worker;
    });
    private final Set<String> queued = ConcurrentHashMap.newKeySet();
    private final Map<GroupResource, List<Consumer<ObjectStore.Change>>> watchers = new HashMap<>();
    private final Map<ObjectStore.Subscriber, GroupResource> subscribers = new HashMap<>();
    private final NotebookServers servers;

    private Workloads(ObjectApi api, WorkloadSettings settings) {
        this.api = api;
        this.settings = settings;
        this.events = new ClusterEvents(api);
        this.servers = new NotebookServers(settings.servers());
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Adds the admission plugins and starts the components; nothing when {@code settings.enabled()} is false. */
    static Optional<Workloads> start(ObjectApi api, WorkloadSettings settings) throws ApiError {
        if (!settings.enabled()) {
            return Optional.empty();
        }
        var workloads = new Workloads(api, settings);
        workloads.install();
        return Optional.of(workloads);
    }

    WorkloadSettings settings() {
        return settings;
    }

    NotebookServers servers() {
        return servers;
    }

    ComponentClient client(String component) {
        return new ComponentClient(api, events, component);
    }

    private void install() throws ApiError {
        var nodes = new SimulatedNodes(client("kubelet"), settings.nodes());
        nodes.register();
        api.gracefulPodDeletion(nodes::hasKubelet);
        api.addAdmission(new LimitRangeAdmission());
        api.addAdmission(new VolumeAdmission());
        api.addAdmission(new QuotaAdmission());
        new Scheduler(this, client("default-scheduler")).start();
        new Kubelet(this, client("kubelet"), nodes).start();
        new StatefulSetController(this, client("kube-controller-manager")).start();
        new DeploymentController(this, client("kube-controller-manager")).start();
        new ReplicaSetController(this, client("kube-controller-manager")).start();
        new QuotaController(this, client("kube-controller-manager")).start();
        new VolumeController(this, client("kube-controller-manager"), client("kubelet")).start();
        new SnapshotController(this, client("snapshot-controller")).start();
        subscribe();
    }

    /** Calls {@code watcher} on this thread with every change of {@code resource}, starting with what exists. */
    void watch(GroupResource resource, Consumer<ObjectStore.Change> watcher) {
        watchers.computeIfAbsent(resource, key -> new ArrayList<>()).add(watcher);
    }

    private void subscribe() {
        ObjectStore store = api.store();
        store.write(() -> {
            for (var entry : watchers.entrySet()) {
                GroupResource resource = entry.getKey();
                ObjectStore.Subscriber subscriber = change -> execute(() -> dispatch(resource, change));
                subscribers.put(subscriber, resource);
                List<ObjectStore.Change> existing =
                        store.subscribe(resource, null, null, subscriber).orElse(List.of());
                existing.forEach(change -> execute(() -> dispatch(resource, change)));
            }
            return null;
        });
    }

    private void dispatch(GroupResource resource, ObjectStore.Change change) {
        for (Consumer<ObjectStore.Change> watcher : watchers.getOrDefault(resource, List.of())) {
            try {
                watcher.accept(change);
            } catch (RuntimeException e) {
                LOG.warn("Simulated component failed on a change of {}", resource, e);
            }
        }
    }

    /** Runs {@code task} on this thread soon, once however often it is asked for before it runs. */
    void soon(String key, Task task) {
        after(settings.timing().controllers(), key, task);
    }

    /** Runs {@code task} after {@code delay}; a task with the same key already waiting makes this a no-op. */
    void after(Duration delay, String key, Task task) {
        if (!queued.add(key)) {
            return;
        }
        Runnable run = () -> {
            queued.remove(key);
            try {
                task.run();
            } catch (ApiError refused) {
                LOG.debug("Simulated step {} refused: {}", key, refused.getMessage());
            } catch (RuntimeException e) {
                LOG.warn("Simulated step {} failed", key, e);
            }
        };
        try {
            if (delay.isZero() || delay.isNegative()) {
                thread.execute(run);
            } else {
                thread.schedule(run, delay.toNanos(), TimeUnit.NANOSECONDS);
            }
        } catch (RejectedExecutionException stopped) {
            queued.remove(key);
        }
    }

    /** Queues work on this thread; called inside store writes, so it never throws, even once stopped. */
    private void execute(Runnable work) {
        try {
            thread.execute(work);
        } catch (RejectedExecutionException stopped) {
            // the double is stopping: nothing is simulated any more
        }
    }

    @Override
    public void close() {
        subscribers.forEach((subscriber, resource) -> api.store().unsubscribe(resource, subscriber));
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
