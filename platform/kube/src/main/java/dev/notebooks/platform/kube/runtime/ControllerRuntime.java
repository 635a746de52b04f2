package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.KubeClientConfiguration;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.KubeConfiguration.LeaderElectionConfiguration;
import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.extended.controller.Controllers;
import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.resourcelock.LeaseLock;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.micronaut.aop.Intercepted;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs every {@link ResourceReconciler} and {@link Projection} bean of the application: on startup it registers their
 * informers and starts them, then campaigns for the Lease (unless leader election is off) and runs the reconcilers'
 * workers and the projections' passes while it holds it. {@link LeaderOnly} beans are told when the term starts and
 * ends; a service with only those campaigns too. Stops everything, and hands the Lease back, when the application
 * context closes.
 */
@Singleton
@Requires(beans = SharedInformerFactory.class)
public class ControllerRuntime {

    private static final Logger LOG = LoggerFactory.getLogger(ControllerRuntime.class);

    private final List<ReconcileLoop<?>> loops;
    private final List<Projection> projections;
    private final List<LeaderOnly> leaderOnly;
    private final InformerCache informers;
    private final String identity;
    private final LeaderElection leaderElection;
    private final ExecutorService controllerThreads =
            Executors.newCachedThreadPool(Controllers.namedControllerThreadFactory("reconciler"));
    private boolean started;
    private volatile boolean leading;

    public ControllerRuntime(
            List<ResourceReconciler<?>> reconcilers,
            List<Projection> projections,
            List<LeaderOnly> leaderOnly,
            InformerCache informers,
            FailedPasses failedPasses,
            KubeConfiguration configuration,
            ApiClient apiClient,
            KubeClientConfiguration client) {
        this.loops = reconcilers.stream()
                .<ReconcileLoop<?>>map(
                        reconciler -> new ReconcileLoop<>(reconciler, informers, failedPasses, configuration))
                .toList();
        this.projections = projections;
        this.leaderOnly = leaderOnly;
        this.informers = informers;
        LeaderElectionConfiguration election = configuration.getLeaderElection();
        this.identity = election.getIdentity()
                .or(() -> Optional.ofNullable(System.getenv("HOSTNAME")))
                .orElseGet(ControllerRuntime::hostName);
        this.leaderElection = election.isEnabled()
                ? new LeaderElection(electionConfig(configuration, identity, apiClient, client))
                : null;
    }

    private static LeaderElectionConfig electionConfig(
            KubeConfiguration configuration, String identity, ApiClient apiClient, KubeClientConfiguration client) {
        LeaderElectionConfiguration election = configuration.getLeaderElection();
        String namespace = election.getLeaseNamespace().orElseGet(client::getNamespace);
        String name = election.getLeaseName().orElse(configuration.getFieldManager() + "-leader");
        return new LeaderElectionConfig(
                new LeaseLock(namespace, name, identity, apiClient),
                election.getLeaseDuration(),
                election.getRenewDeadline(),
                election.getRetryPeriod());
    }

    @EventListener
    void onStartup(StartupEvent event) {
        start();
    }

    synchronized void start() {
        if (started || (loops.isEmpty() && projections.isEmpty() && leaderOnly.isEmpty())) {
            return;
        }
        started = true;
        loops.forEach(ReconcileLoop::watch);
        projections.forEach(projection -> projection.watch(informers));
        informers.start();
        LOG.info(
                "Reconcilers {}, projections {} and leader-only {} running as {}, {}",
                loops.stream().map(ReconcileLoop::name).toList(),
                projections.stream().map(Projection::name).toList(),
                leaderOnly.stream().map(ControllerRuntime::name).toList(),
                identity,
                leaderElection == null ? "without leader election" : "campaigning for the lease");
        if (leaderElection == null) {
            startWorkers();
        } else {
            leaderElection.start(this::startWorkers, this::stopWorkers);
        }
    }

    /** @return whether this replica leads: it holds the lease, or there is no election (and something to run) */
    public boolean isLeading() {
        return leading;
    }

    /**
     * Reconciles a primary resource again soon, for a change its informers cannot see (something read over HTTP, a
     * timer); nothing while this replica does not lead.
     */
    public void reconcileAgain(ResourceType<?> primary, String namespace, String name) {
        loops.stream().filter(loop -> loop.primary().equals(primary)).forEach(loop -> loop.enqueue(namespace, name));
    }

    /** @return this replica's name in the Lease */
    public String identity() {
        return identity;
    }

    private synchronized void startWorkers() {
        if (started && !leading) {
            leading = true;
            loops.forEach(loop -> loop.start(controllerThreads));
            projections.forEach(Projection::startLeading);
            tell(leaderOnly, LeaderOnly::onStartedLeading);
        }
    }

    private synchronized void stopWorkers() {
        if (leading) {
            leading = false;
            loops.forEach(ReconcileLoop::stop);
            projections.forEach(Projection::stopLeading);
            tell(leaderOnly, LeaderOnly::onStoppedLeading);
        }
    }

    // one failing bean must neither keep the others uninformed nor break the election's thread
    private static void tell(List<LeaderOnly> beans, Consumer<LeaderOnly> call) {
        for (LeaderOnly bean : beans) {
            try {
                call.accept(bean);
            } catch (RuntimeException e) {
                LOG.error("{} failed to follow a change of leadership", name(bean), e);
            }
        }
    }

    @PreDestroy
    void stop() throws InterruptedException {
        synchronized (this) {
            started = false;
            stopWorkers();
        }
        // outside the lock: the election's last act is a call to stopWorkers()
        if (leaderElection != null) {
            leaderElection.stop();
        }
        controllerThreads.shutdownNow();
        projections.forEach(Projection::shutdown);
        // watches end before the context interrupts their threads (fault 12: no stack trace per informer on Ctrl-C)
        informers.stop();
    }

    // a bean with interceptors is a generated subclass of the one written
    private static String name(LeaderOnly bean) {
        Class<?> type = bean instanceof Intercepted ? bean.getClass().getSuperclass() : bean.getClass();
        return type.getSimpleName();
    }

    private static String hostName() {
        try {
            return InetAddress.getLocalHost().getHostName();
        } catch (UnknownHostException e) {
            return "unknown";
        }
    }
}
