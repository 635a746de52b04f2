package dev.notebooks.platform.kube;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import java.time.Duration;
import java.util.Optional;

/** How the reconcilers of a service run and how they sign their writes. */
@ConfigurationProperties(KubeConfiguration.PREFIX)
public class KubeConfiguration {

    public static final String PREFIX = "platform.kube";

    /** Used when {@code micronaut.application.name} is not set either. */
    public static final String DEFAULT_FIELD_MANAGER = "notebook-platform";

    /** Reconcile passes that may run at once, per reconciler (different resources only). */
    public static final int DEFAULT_WORKERS = 2;

    /** Every primary resource is reconciled again this often even without a change; zero turns it off. */
    public static final Duration DEFAULT_RESYNC_PERIOD = Duration.ofMinutes(10);

    private final String applicationName;
    private String fieldManager;
    private int workers = DEFAULT_WORKERS;
    private Duration resyncPeriod = DEFAULT_RESYNC_PERIOD;
    private LeaderElectionConfiguration leaderElection = new LeaderElectionConfiguration();

    public KubeConfiguration(
            @Value("${micronaut.application.name:" + DEFAULT_FIELD_MANAGER + "}") String applicationName) {
        this.applicationName = applicationName;
    }

    /**
     * @return the service's name as the API server sees it: the {@code fieldManager} of every write, the event
     *     source component and the {@code app.kubernetes.io/managed-by} label. Default {@code micronaut.application.name}.
     */
    public String getFieldManager() {
        return fieldManager == null || fieldManager.isBlank() ? applicationName : fieldManager;
    }

    public void setFieldManager(@Nullable String fieldManager) {
        this.fieldManager = fieldManager;
    }

    /** @return worker threads per reconciler. Default value {@value #DEFAULT_WORKERS}. */
    public int getWorkers() {
        return workers;
    }

    public void setWorkers(int workers) {
        if (workers < 1) {
            throw new IllegalArgumentException(PREFIX + ".workers must be at least 1, was " + workers);
        }
        this.workers = workers;
    }

    /** @return how often every primary resource is reconciled without a change. Default 10 minutes; 0 = never. */
    public Duration getResyncPeriod() {
        return resyncPeriod;
    }

    public void setResyncPeriod(@Nullable Duration resyncPeriod) {
        this.resyncPeriod = resyncPeriod == null ? Duration.ZERO : resyncPeriod;
    }

    /** @return who may reconcile when several replicas run. */
    public LeaderElectionConfiguration getLeaderElection() {
        return leaderElection;
    }

    public void setLeaderElection(LeaderElectionConfiguration leaderElection) {
        this.leaderElection = leaderElection;
    }

    /** One replica reconciles (and runs the leader-only work) at a time: the holder of a coordination.k8s.io Lease. */
    @ConfigurationProperties(LeaderElectionConfiguration.PREFIX)
    public static class LeaderElectionConfiguration {

        public static final String PREFIX = "leader-election";

        public static final boolean DEFAULT_ENABLED = true;

        /** The defaults of Kubernetes' own controllers (kube-controller-manager). */
        public static final Duration DEFAULT_LEASE_DURATION = Duration.ofSeconds(15);

        public static final Duration DEFAULT_RENEW_DEADLINE = Duration.ofSeconds(10);

        public static final Duration DEFAULT_RETRY_PERIOD = Duration.ofSeconds(2);

        /** The test API double misses faster lease updates. */
        public static final Duration MINIMUM_RETRY_PERIOD = Duration.ofSeconds(1);

        private boolean enabled = DEFAULT_ENABLED;
        private String leaseName;
        private String leaseNamespace;
        private String identity;
        private Duration leaseDuration = DEFAULT_LEASE_DURATION;
        private Duration renewDeadline = DEFAULT_RENEW_DEADLINE;
        private Duration retryPeriod = DEFAULT_RETRY_PERIOD;

        /**
         * @return whether to elect a leader; when off every replica reconciles and runs the leader-only work. Default
         *     {@value #DEFAULT_ENABLED}.
         */
        public boolean isEnabled() {
            return enabled;
        }

        public void setEnabled(boolean enabled) {
            this.enabled = enabled;
        }

        /** @return the Lease's name. Default: {@code <field manager>-leader}. */
        public Optional<String> getLeaseName() {
            return Optional.ofNullable(leaseName).filter(name -> !name.isBlank());
        }

        public void setLeaseName(@Nullable String leaseName) {
            this.leaseName = leaseName;
        }

        /** @return the Lease's namespace. Default: the pod's namespace ({@code kubernetes.client.namespace}). */
        public Optional<String> getLeaseNamespace() {
            return Optional.ofNullable(leaseNamespace).filter(namespace -> !namespace.isBlank());
        }

        public void setLeaseNamespace(@Nullable String leaseNamespace) {
            this.leaseNamespace = leaseNamespace;
        }

        /** @return this replica's name in the Lease. Default: the pod name ({@code HOSTNAME}), else the host name. */
        public Optional<String> getIdentity() {
            return Optional.ofNullable(identity).filter(id -> !id.isBlank());
        }

        public void setIdentity(@Nullable String identity) {
            this.identity = identity;
        }

        /** @return how long a lease holds without renewal. Default 15 seconds. */
        public Duration getLeaseDuration() {
            return leaseDuration;
        }

        public void setLeaseDuration(Duration leaseDuration) {
            this.leaseDuration = leaseDuration;
        }

        /** @return how long the leader keeps trying to renew before it gives up. Default 10 seconds. */
        public Duration getRenewDeadline() {
            return renewDeadline;
        }

        public void setRenewDeadline(Duration renewDeadline) {
            this.renewDeadline = renewDeadline;
        }

        /** @return the pause between attempts to acquire or renew. Default 2 seconds, at least 1 second. */
        public Duration getRetryPeriod() {
            return retryPeriod;
        }

        public void setRetryPeriod(Duration retryPeriod) {
            if (retryPeriod.compareTo(MINIMUM_RETRY_PERIOD) < 0) {
                throw new IllegalArgumentException(KubeConfiguration.PREFIX + "." + PREFIX
                        + ".retry-period must be at least 1s, was " + retryPeriod);
            }
            this.retryPeriod = retryPeriod;
        }
    }
}
