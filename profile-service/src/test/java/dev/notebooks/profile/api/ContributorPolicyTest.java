package dev.notebooks.profile.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.profile.domain.AuthorizationPolicy;
import dev.notebooks.profile.domain.ProfileResources;
import io.micronaut.context.env.Environment;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** With Istio policies on, a contributor also gets the AuthorizationPolicy KFAM writes, and loses it with the role. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContributorPolicyTest implements TestPropertyProvider {

    private static final String GATEWAY = "cluster.local/ns/istio-system/sa/istio-ingressgateway-service-account";
    private static final String PIPELINES_UI = "cluster.local/ns/kubeflow/sa/ml-pipeline-ui";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper jsonMapper;

    @Inject
    ProfileRoles profileRoles;

    private final Cluster cluster = new Cluster();
    private TestHttp http;

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ApiTestProperties.properties();
        properties.put("profiles.istio-authorization-policies", "true");
        return properties;
    }

    @BeforeAll
    void serviceIsReady() {
        http = new TestHttp(client, jsonMapper);
        await().atMost(Duration.ofSeconds(30))
                .until(() -> http.as(null, HttpRequest.GET("/health/readiness")).status() == 200);
    }

    @Test
    void aContributorGetsKfamsAuthorizationPolicyAndLosesItWithTheRole() {
        World world = World.create(cluster, profileRoles);
        String vera = ApiTestProperties.user("vera");
        String name = KubeflowBindings.contributorBindingName(vera, ProfileRole.VIEW);

        http.as(
                world.owner(),
                HttpRequest.POST(
                        "/api/profiles/" + world.profile() + "/contributors", Map.of("user", vera, "role", "view")));

        AuthorizationPolicy policy = cluster.get(ProfileResources.AUTHORIZATION_POLICIES, world.profile(), name)
                .orElseThrow(() -> new AssertionError("no policy " + name));
        assertThat(policy.getMetadata().getAnnotations()).isEqualTo(Map.of("user", vera, "role", "view"));
        assertThat(policy.getSpec())
                .isEqualTo(new AuthorizationPolicy.Spec(
                        null,
                        List.of(new AuthorizationPolicy.Rule(
                                List.of(new AuthorizationPolicy.From(
                                        new AuthorizationPolicy.Source(List.of(GATEWAY, PIPELINES_UI)))),
                                null,
                                List.of(new AuthorizationPolicy.Condition(
                                        "request.headers[kubeflow-userid]", List.of(vera)))))));

        http.as(world.owner(), HttpRequest.DELETE("/api/profiles/" + world.profile() + "/contributors/" + vera));

        assertThat(cluster.get(ProfileResources.AUTHORIZATION_POLICIES, world.profile(), name))
                .isEmpty();
    }
}
