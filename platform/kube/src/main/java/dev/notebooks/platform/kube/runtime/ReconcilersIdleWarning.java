package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.informer.SharedInformerFactory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Says so when reconcilers exist but cannot run, because Micronaut Kubernetes' informers need the k8s environment. */
@Singleton
@Requires(missingBeans = SharedInformerFactory.class)
final class ReconcilersIdleWarning {

    private static final Logger LOG = LoggerFactory.getLogger(ReconcilersIdleWarning.class);

    private final List<ResourceReconciler<?>> reconcilers;

    ReconcilersIdleWarning(List<ResourceReconciler<?>> reconcilers) {
        this.reconcilers = reconcilers;
    }

    @EventListener
    void onStartup(StartupEvent event) {
        if (!reconcilers.isEmpty()) {
            LOG.warn(
                    "{} reconciler(s) will not run: activate the k8s environment (micronaut.environments=k8s)",
                    reconcilers.size());
        }
    }
}
