package dev.notebooks.platform.kube.meta;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LabelsTest {

    @Test
    void managedByNamesTheServiceAndTheSuite() {
        assertThat(Labels.managedBy("profile-service", "kubeflow"))
                .containsExactly(
                        Map.entry("app.kubernetes.io/managed-by", "profile-service"),
                        Map.entry("app.kubernetes.io/part-of", "kubeflow"));
    }

    @Test
    void mergeKeepsLabelsItDoesNotManageAndOverwritesItsOwn() {
        Map<String, String> existing = Map.of("team", "ml", "app.kubernetes.io/managed-by", "someone-else");

        Map<String, String> merged = Labels.merge(existing, Labels.managedBy("profile-service", "kubeflow"));

        assertThat(merged)
                .containsEntry("team", "ml")
                .containsEntry("app.kubernetes.io/managed-by", "profile-service")
                .containsEntry("app.kubernetes.io/part-of", "kubeflow")
                .hasSize(3);
    }

    @Test
    void mergeIntoNothingGivesOurs() {
        assertThat(Labels.merge(null, Map.of("a", "1"))).containsExactly(Map.entry("a", "1"));
    }

    @Test
    void containsIgnoresLabelsOfOthers() {
        Map<String, String> ours = Labels.managedBy("profile-service", "kubeflow");

        assertThat(Labels.contains(Labels.merge(Map.of("team", "ml"), ours), ours))
                .isTrue();
        assertThat(Labels.contains(Map.of("team", "ml"), ours)).isFalse();
        assertThat(Labels.contains(null, ours)).isFalse();
    }
}
