package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoordinationV1Api;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Lease;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The runtime and the helpers end to end against the Kubernetes API double, with a reconciler as a service has it. */
@MicronautTest(environments = Environment.KUBERNETES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ControllerRuntimeTest implements TestPropertyProvider {

    private static final String SERVICE = "profile-test-service";
    private static final Duration CONVERGED = Duration.ofSeconds(10);

    @Inject
    ProfileNamespaceReconciler reconciler;

    @Inject
    ControllerRuntime runtime;

    @Inject
    MeterRegistry meters;

    @Inject
    InformerCache informers;

    private final ApiClient api = KubernetesFixture.shared().apiClient();
    private final CoreV1Api core = new CoreV1Api(api);
    private final GenericKubernetesApi<TestProfile, TestProfileList> profiles =
            new GenericKubernetesApi<>(TestProfile.class, TestProfileList.class, "kubeflow.org", "v1", "profiles", api);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties =
                new HashMap<>(KubernetesFixture.shared().properties());
        properties.put("micronaut.application.name", SERVICE);
        // every profile is reconciled each second: the steady state is proven under load, not in silence
        properties.put("platform.kube.resync-period", "1s");
        properties.put("platform.kube.leader-election.lease-namespace", "default");
        properties.put("platform.kube.leader-election.identity", "test-replica");
        properties.put("platform.kube.leader-election.lease-duration", "6s");
        properties.put("platform.kube.leader-election.renew-deadline", "4s");
        properties.put("platform.kube.leader-election.retry-period", "1s");
        return properties;
    }

    @Test
    void aProfileGetsANamespaceItControlsAReadyConditionAndAnEvent() throws ApiException {
        TestProfile profile = createProfile("alice", "alice@example.com");

        V1Namespace namespace = awaitNamespace("alice");
        assertThat(namespace.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getApiVersion()).isEqualTo("kubeflow.org/v1");
            assertThat(owner.getKind()).isEqualTo("Profile");
            assertThat(owner.getUid()).isEqualTo(profile.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
            assertThat(owner.getBlockOwnerDeletion()).isTrue();
        });
        assertThat(namespace.getMetadata().getLabels()).containsEntry("app.kubernetes.io/managed-by", SERVICE);
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry("owner", "alice@example.com");

        TestProfile ready = awaitReady("alice");
        assertThat(ready.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getReason()).isEqualTo(Conditions.RECONCILED);
            assertThat(condition.getObservedGeneration())
                    .isEqualTo(ready.getMetadata().getGeneration());
            assertThat(condition.getLastTransitionTime()).isNotNull();
        });

        await().atMost(CONVERGED)
                .untilAsserted(
                        () -> assertThat(eventsAbout("alice")).singleElement().satisfies(event -> {
                            assertThat(event.getReason()).isEqualTo("NamespaceCreated");
                            assertThat(event.getType()).isEqualTo("Normal");
                            assertThat(event.getSource().getComponent()).isEqualTo(SERVICE);
                            assertThat(event.getInvolvedObject().getUid())
                                    .isEqualTo(profile.getMetadata().getUid());
                        }));
    }

    @Test
    void aFailedPassIsWrittenAsReadyFalseWithAWarningEventAndCounted() throws ApiException {
        double before = failures();
        createProfile("refused", ProfileNamespaceReconciler.REFUSED_OWNER);

        TestProfile failed = await().atMost(CONVERGED)
                .until(() -> profile("refused"), profile -> profile.conditions().stream()
                        .anyMatch(c -> "False".equals(c.getStatus())));
        assertThat(failed.conditions()).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo(Conditions.READY);
            assertThat(condition.getReason()).isEqualTo("Forbidden");
            assertThat(condition.getMessage()).contains("403").contains("namespaces is forbidden");
            assertThat(condition.getObservedGeneration())
                    .isEqualTo(failed.getMetadata().getGeneration());
        });
        await().atMost(CONVERGED)
                .untilAsserted(() -> assertThat(eventsAbout("refused")).anySatisfy(event -> {
                    assertThat(event.getType()).isEqualTo("Warning");
                    assertThat(event.getReason()).isEqualTo("Forbidden");
                }));
        assertThat(failures()).isGreaterThan(before);
    }

    private double failures() {
        return meters.find(FailedPasses.METRIC).counters().stream()
                .mapToDouble(Counter::count)
                .sum();
    }

    @Test
    void atSteadyStateReconcilingWritesNothing() throws ApiException {
        createProfile("bob", "bob@example.com");
        awaitNamespace("bob");
        awaitReady("bob");
        await().atMost(CONVERGED).until(() -> reconciler.passes("bob") >= 2);
        String profileVersion = profile("bob").getMetadata().getResourceVersion();
        String namespaceVersion = namespace("bob").orElseThrow().getMetadata().getResourceVersion();
        int passesBefore = reconciler.passes("bob");

        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(19)).untilAsserted(() -> {
            assertThat(profile("bob").getMetadata().getResourceVersion()).isEqualTo(profileVersion);
            assertThat(namespace("bob").orElseThrow().getMetadata().getResourceVersion())
                    .isEqualTo(namespaceVersion);
        });

        assertThat(reconciler.passes("bob")).as("passes during the window").isGreaterThan(passesBefore);
        assertThat(reconciler.statusWrites("bob")).isEqualTo(1);
        assertThat(profile("bob").conditions()).hasSize(1);
        assertThat(eventsAbout("bob")).hasSize(1);
    }

    @Test
    void aChildDeletedBehindTheReconcilersBackIsCreatedAgain() throws ApiException {
        createProfile("carol", "carol@example.com");
        String firstUid = awaitNamespace("carol").getMetadata().getUid();

        core.deleteNamespace("carol").execute();

        await().atMost(CONVERGED).untilAsserted(() -> assertThat(namespace("carol"))
                .hasValueSatisfying(
                        again -> assertThat(again.getMetadata().getUid()).isNotEqualTo(firstUid)));
    }

    @Test
    void theCacheFindsTheChildrenAProfileControlsByItsUidNotByName() throws ApiException {
        TestProfile erin = createProfile("erin", "erin@example.com");
        awaitNamespace("erin");
        TestProfile frank = createProfile("frank", "frank@example.com");
        awaitNamespace("frank");

        await().atMost(CONVERGED).untilAsserted(() -> assertThat(informers.controlledBy(ResourceTypes.NAMESPACE, erin))
                .extracting(namespace -> namespace.getMetadata().getName())
                .containsExactly("erin"));
        assertThat(informers.controlledBy(ResourceTypes.NAMESPACE, frank))
                .extracting(namespace -> namespace.getMetadata().getName())
                .containsExactly("frank");
        // a profile of the same name, re-created, has another uid: the old one's children are not its own
        TestProfile erinBefore = TestProfile.owned("erin", "erin@example.com");
        erinBefore.getMetadata().setUid("00000000-0000-0000-0000-000000000000");
        assertThat(informers.controlledBy(ResourceTypes.NAMESPACE, erinBefore)).isEmpty();
    }

    @Test
    void aChildEditedBehindTheReconcilersBackIsPutBackAndForeignLabelsStay() throws ApiException {
        createProfile("dave", "dave@example.com");
        awaitNamespace("dave");

        PatchUtils.patch(
                V1Namespace.class,
                () -> core.patchNamespace(
                                "dave",
                                new V1Patch("{\"metadata\":{"
                                        + "\"labels\":{\"app.kubernetes.io/managed-by\":\"intruder\",\"team\":\"ml\"},"
                                        + "\"annotations\":{\"owner\":\"mallory\"}}}"))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                api);

        await().atMost(CONVERGED).untilAsserted(() -> {
            V1Namespace namespace = namespace("dave").orElseThrow();
            assertThat(namespace.getMetadata().getLabels())
                    .containsEntry("app.kubernetes.io/managed-by", SERVICE)
                    .containsEntry("team", "ml");
            assertThat(namespace.getMetadata().getAnnotations()).containsEntry("owner", "dave@example.com");
        });
    }

    @Test
    void theReplicaHoldsTheLeaseWhileItReconciles() throws ApiException {
        await().atMost(CONVERGED).until(runtime::isLeading);

        V1Lease lease = new CoordinationV1Api(api)
                .readNamespacedLease(SERVICE + "-leader", "default")
                .execute();

        assertThat(lease.getSpec().getHolderIdentity())
                .isEqualTo("test-replica")
                .isEqualTo(runtime.identity());
        assertThat(lease.getSpec().getLeaseDurationSeconds()).isEqualTo(6);
    }

    private TestProfile createProfile(String name, String owner) throws ApiException {
        return profiles.create(TestProfile.owned(name, owner))
                .throwsApiException()
                .getObject();
    }

    private TestProfile profile(String name) throws ApiException {
        return profiles.get(name).throwsApiException().getObject();
    }

    private TestProfile awaitReady(String name) {
        return await().atMost(CONVERGED)
                .until(() -> profile(name), profile -> Conditions.find(profile.conditions(), Conditions.READY)
                        .map(ready -> Conditions.TRUE.equals(ready.getStatus()))
                        .orElse(false));
    }

    private V1Namespace awaitNamespace(String name) {
        return await().atMost(CONVERGED)
                .until(() -> namespace(name), Optional::isPresent)
                .orElseThrow();
    }

    private Optional<V1Namespace> namespace(String name) throws ApiException {
        try {
            return Optional.of(core.readNamespace(name).execute());
        } catch (ApiException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw e;
        }
    }

    private List<CoreV1Event> eventsAbout(String name) throws ApiException {
        return core.listNamespacedEvent("default").execute().getItems().stream()
                .filter(event -> name.equals(event.getInvolvedObject().getName()))
                .toList();
    }
}
