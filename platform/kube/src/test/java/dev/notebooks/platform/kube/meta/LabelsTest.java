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
}
