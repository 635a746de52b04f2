package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.micronaut.context.ApplicationContext;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeConfigurationTest {

    @Test
    void theDefaultsAreDocumentedOnes() {
        try (ApplicationContext context =
                ApplicationContext.run(Map.of("micronaut.application.name", "notebook-service"))) {
            KubeConfiguration configuration = context.getBean(KubeConfiguration.class);

            assertThat(configuration.getFieldManager()).isEqualTo("notebook-service");
            assertThat(configuration.getWorkers()).isEqualTo(KubeConfiguration.DEFAULT_WORKERS);
            assertThat(configuration.getResyncPeriod()).isEqualTo(Duration.ofMinutes(10));
            assertThat(configuration.getLeaderElection().isEnabled()).isTrue();
            assertThat(configuration.getLeaderElection().getLeaseName()).isEmpty();
            assertThat(configuration.getLeaderElection().getRetryPeriod()).isEqualTo(Duration.ofSeconds(2));
        }
    }

    @Test
    void everySettingIsReadFromPlatformKube() {
        Map<String, Object> properties = Map.of(
                "platform.kube.field-manager", "custom",
                "platform.kube.workers", "4",
                "platform.kube.resync-period", "0s",
                "platform.kube.leader-election.enabled", "false",
                "platform.kube.leader-election.lease-name", "profiles-lock",
                "platform.kube.leader-election.lease-namespace", "kubeflow",
                "platform.kube.leader-election.retry-period", "1s");
        try (ApplicationContext context = ApplicationContext.run(properties)) {
            KubeConfiguration configuration = context.getBean(KubeConfiguration.class);

            assertThat(configuration.getFieldManager()).isEqualTo("custom");
            assertThat(configuration.getWorkers()).isEqualTo(4);
            assertThat(configuration.getResyncPeriod()).isZero();
            assertThat(configuration.getLeaderElection().isEnabled()).isFalse();
            assertThat(configuration.getLeaderElection().getLeaseName()).hasValue("profiles-lock");
            assertThat(configuration.getLeaderElection().getLeaseNamespace()).hasValue("kubeflow");
            assertThat(configuration.getLeaderElection().getRetryPeriod()).isEqualTo(Duration.ofSeconds(1));
        }
    }

    @Test
    void aRetryPeriodUnderOneSecondIsRefused() {
        assertThatThrownBy(() ->
                        new KubeConfiguration.LeaderElectionConfiguration().setRetryPeriod(Duration.ofMillis(500)))
                .hasMessageContaining("at least 1s");
    }
}
