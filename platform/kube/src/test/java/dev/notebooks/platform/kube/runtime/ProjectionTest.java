package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A projection without any resync: the target's informer alone brings a hand edit or a deletion to a pass, at once.
 * Each case starts from the target as the projection keeps it, so they hold in any order.
 */
@MicronautTest(environments = {Environment.KUBERNETES, ProjectionTest.ENVIRONMENT})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProjectionTest implements TestPropertyProvider {

    static final String ENVIRONMENT = "projection-test";

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    @Inject
    ProjectedConfigMap projection;

    /** An administrator, with kubectl edit's field manager. */
    private final ResourceClient kubectl =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("kubectl-edit"));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties =
                new HashMap<>(KubernetesFixture.shared().properties());
        properties.put("micronaut.application.name", "projection-test-service");
        properties.put("platform.kube.leader-election.enabled", "false");
        return properties;
    }

    @Test
    void aHandEditIsPutBackPromptlyWithoutAnyResync() throws ApiException {
        awaitProjected();
        int passes = projection.passes();

        handEdit("red");

        awaitProjected();
        assertThat(projection.passes()).isGreaterThan(passes);
    }

    @Test
    void aDeletedTargetIsMadeAgainPromptly() throws ApiException {
        awaitProjected();

        kubectl.delete(ResourceTypes.CONFIG_MAP, ProjectedConfigMap.NAMESPACE, ProjectedConfigMap.NAME);

        awaitProjected();
    }

    @Test
    void aChangeOfTheTruthIsProjectedOnRequest() {
        awaitProjected();

        projection.changeTruth(projection.truth().equals("green") ? "yellow" : "green");

        awaitProjected();
    }

    @Test
    void nothingIsWrittenWhileNeitherTruthNorTargetChanges() throws ApiException {
        awaitProjected();
        String version = configMap().orElseThrow().getMetadata().getResourceVersion();

        await().during(Duration.ofSeconds(2)).atMost(Duration.ofSeconds(4)).until(() -> configMap()
                .orElseThrow()
                .getMetadata()
                .getResourceVersion()
                .equals(version));
    }

    private void awaitProjected() {
        await().atMost(PROMPTLY).until(() -> configMap()
                .map(found -> found.getData() == null ? null : found.getData().get(ProjectedConfigMap.KEY))
                .filter(projection.truth()::equals)
                .isPresent());
    }

    private void handEdit(String value) throws ApiException {
        V1ConfigMap current = configMap().orElseThrow();
        JsonObject patch = MergePatchBuilder.atResourceVersion(
                        current.getMetadata().getResourceVersion())
                .put("data", ProjectedConfigMap.KEY, value)
                .build();
        kubectl.mergePatch(ResourceTypes.CONFIG_MAP, ProjectedConfigMap.NAMESPACE, ProjectedConfigMap.NAME, patch);
    }

    private Optional<V1ConfigMap> configMap() throws ApiException {
        return kubectl.get(ResourceTypes.CONFIG_MAP, ProjectedConfigMap.NAMESPACE, ProjectedConfigMap.NAME);
    }
}
