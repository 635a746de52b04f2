package dev.notebooks.profile.controller;

import static dev.notebooks.platform.kube.ResourceTypes.NAMESPACE;
import static dev.notebooks.profile.domain.ProfileResources.AUTHORIZATION_POLICIES;
import static dev.notebooks.profile.domain.ProfileResources.PROFILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.AuthorizationPolicy;
import dev.notebooks.profile.domain.Profile;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** What {@code profiles.*} configuration changes: namespace labels, pod security, Istio policies. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConfiguredProfileTest implements TestPropertyProvider {

    private static final Duration CONVERGED = Duration.ofSeconds(15);
    private static final String ALICE = "alice@example.com";

    private final Kubectl kubectl = new Kubectl();

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(ProfileServiceFixtures.properties());
        properties.put("profiles.istio-authorization-policies", "true");
        properties.put("profiles.userid-prefix", "accounts.google.com:");
        properties.put("profiles.pod-security-enforce", "baseline");
        properties.put("profiles.namespace-labels.app.kubernetes.io/part-of", "kubeflow-profile");
        properties.put("profiles.namespace-labels.katib.kubeflow.org/metrics-collector-injection", "enabled");
        // Kubeflow's rule: an empty value removes the label
        properties.put("profiles.namespace-labels.istio-injection", "");
        return properties;
    }

    @Test
    void aNamespaceOfTheSameOwnerIsAdoptedWithTheConfiguredLabels() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("adopted");
        kubectl.create(
                NAMESPACE,
                new V1Namespace()
                        .metadata(new V1ObjectMeta()
                                .name(name)
                                .annotations(Map.of("owner", ALICE))
                                .labels(Map.of("istio-injection", "enabled", "team", "research"))));
        Profile profile = kubectl.create(PROFILES, Profile.owned(name, ALICE));

        await().atMost(CONVERGED).untilAsserted(() -> {
            V1Namespace namespace = kubectl.require(NAMESPACE, null, name);
            assertThat(namespace.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/part-of", "kubeflow-profile")
                    .containsEntry("katib.kubeflow.org/metrics-collector-injection", "enabled")
                    .containsEntry("pod-security.kubernetes.io/enforce", "baseline")
                    .containsEntry("team", "research")
                    .doesNotContainKey("istio-injection");
            assertThat(namespace.getMetadata().getOwnerReferences())
                    .singleElement()
                    .satisfies(owner -> assertThat(owner.getUid())
                            .isEqualTo(profile.getMetadata().getUid()));
        });
    }

    @Test
    void theOwnerGetsKubeflowsIstioPolicyWhichGoesWithTheProfile() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("istio");
        kubectl.create(PROFILES, Profile.owned(name, ALICE));

        AuthorizationPolicy policy = await().atMost(CONVERGED)
                .until(() -> kubectl.get(AUTHORIZATION_POLICIES, name, "ns-owner-access-istio"), p -> p.isPresent())
                .orElseThrow();

        assertThat(policy.getMetadata().getAnnotations())
                .containsEntry("user", ALICE)
                .containsEntry("role", "admin");
        assertThat(policy.getSpec().action()).isEqualTo("ALLOW");
        List<AuthorizationPolicy.Rule> rules = policy.getSpec().rules();
        assertThat(rules).hasSize(4);
        assertThat(rules.get(0).when())
                .containsExactly(new AuthorizationPolicy.Condition(
                        "request.headers[kubeflow-userid]", List.of("accounts.google.com:" + ALICE)));
        assertThat(rules.get(0).from().get(0).source().principals())
                .containsExactly(
                        "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account",
                        "cluster.local/ns/kubeflow/sa/ml-pipeline-ui");
        assertThat(rules.get(1).when())
                .containsExactly(new AuthorizationPolicy.Condition("source.namespace", List.of(name)));
        assertThat(rules.get(2).to().get(0).operation().paths())
                .containsExactly("/healthz", "/metrics", "/wait-for-drain");
        assertThat(rules.get(3).to().get(0).operation().paths()).containsExactly("*/api/kernels");

        kubectl.delete(PROFILES, null, name);
        await().atMost(CONVERGED).until(() -> kubectl.get(AUTHORIZATION_POLICIES, name, "ns-owner-access-istio")
                .isEmpty());
    }
}
