package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.informer.SharedInformerFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Says so when reconcilers or leader-only beans exist but cannot run, because the informers (and so the
 * {@link ControllerRuntime}) exist only in the k8s environment.
 */
@Singleton
@Requires(missingBeans = SharedInformerFactory.class)
final class ReconcilersIdleWarning {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilersIdleWarning.class);

    private final List<ResourceReconciler<?>> reconcilers;
    private final List<LeaderOnly> leaderOnly;

    ReconcilersIdleWarning(List<ResourceReconciler<?>> reconcilers, List<LeaderOnly> leaderOnly) {
        this.reconcilers = reconcilers;
        this.leaderOnly = leaderOnly;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!reconcilers.isEmpty() || !leaderOnly.isEmpty()) {
            LOG.warn(
                    "{} reconciler(s) and {} leader-only bean(s) will not run: activate the k8s environment"
                            + " (micronaut.environments=k8s)",
                    reconcilers.size(),
                    leaderOnly.size());
        }
    }
}
