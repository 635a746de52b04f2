package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.kube.apply.Applier;
import dev.notebooks.platform.kube.apply.ApplyResult;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.Finalizers;
import dev.notebooks.platform.kube.runtime.TestProfile;
import dev.notebooks.platform.kube.runtime.TestProfileList;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.util.PatchUtils;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The write helpers against the Kubernetes API double, without the controller runtime (no k8s environment). */
@MicronautTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HelpersAgainstTheApiTest implements TestPropertyProvider {

    private static final String NAMESPACE = "helpers";
    private static final ResourceType<TestProfile> PROFILES = ResourceType.clusterScoped(
            "kubeflow.org", "v1", "Profile", "profiles", TestProfile.class, TestProfileList.class);

    @Inject
    Applier applier;

    @Inject
    Finalizers finalizers;

    @Inject
    EventRecorder events;

    @Inject
    StatusWriter statusWriter;

    private final ApiClient api = KubernetesFixture.shared().apiClient();
    private final CoreV1Api core = new CoreV1Api(api);
    private final GenericKubernetesApi<TestProfile, TestProfileList> profiles =
            new GenericKubernetesApi<>(TestProfile.class, TestProfileList.class, "kubeflow.org", "v1", "profiles", api);

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = new HashMap<>(
                KubernetesFixture.shared().ensureNamespaces(NAMESPACE).properties());
        properties.put("micronaut.application.name", "helpers-test-service");
        return properties;
    }

    @Test
    void applyCreatesAMissingObjectThenLeavesItAlone() throws ApiException {
        ApplyResult<V1ConfigMap> created = applier.apply(ResourceTypes.CONFIG_MAP, desired("created", "v1"));
        ApplyResult<V1ConfigMap> again = applier.apply(ResourceTypes.CONFIG_MAP, desired("created", "v1"));

        assertThat(created.outcome()).isEqualTo(ApplyResult.Outcome.CREATED);
        assertThat(again.outcome()).isEqualTo(ApplyResult.Outcome.UNCHANGED);
        assertThat(again.object().getMetadata().getResourceVersion())
                .isEqualTo(created.object().getMetadata().getResourceVersion());
    }

    @Test
    void applyPutsBackOnlyItsOwnKeysAndKeepsWhatOthersAdded() throws ApiException {
        applier.apply(ResourceTypes.CONFIG_MAP, desired("shared", "v1"));
        mergePatch("shared", "{\"metadata\":{\"labels\":{\"team\":\"ml\"}},\"data\":{\"theirs\":\"x\"}}");

        ApplyResult<V1ConfigMap> unchanged = applier.apply(ResourceTypes.CONFIG_MAP, desired("shared", "v1"));
        mergePatch("shared", "{\"data\":{\"setting\":\"edited\"}}");
        ApplyResult<V1ConfigMap> restored = applier.apply(ResourceTypes.CONFIG_MAP, desired("shared", "v1"));

        assertThat(unchanged.changed()).isFalse();
        assertThat(restored.outcome()).isEqualTo(ApplyResult.Outcome.PATCHED);
        V1ConfigMap stored = core.readNamespacedConfigMap("shared", NAMESPACE).execute();
        assertThat(stored.getData()).containsEntry("setting", "v1").containsEntry("theirs", "x");
        assertThat(stored.getMetadata().getLabels()).containsEntry("team", "ml").containsEntry("app", "demo");
    }

    @Test
    void applyFromAStaleCopyIsAConflict() throws ApiException {
        V1ConfigMap stale =
                applier.apply(ResourceTypes.CONFIG_MAP, desired("raced", "v1")).object();
        mergePatch("raced", "{\"data\":{\"theirs\":\"x\"}}");

        assertThatThrownBy(() -> applier.apply(ResourceTypes.CONFIG_MAP, desired("raced", "v2"), stale))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    @Test
    void finalizersAreAddedAndRemovedWithoutTouchingOthers() throws ApiException {
        V1ConfigMap object = applier.apply(ResourceTypes.CONFIG_MAP, desired("finalized", "v1"))
                .object();
        V1ConfigMap withTheirs = mergePatch("finalized", "{\"metadata\":{\"finalizers\":[\"someone/else\"]}}");

        V1ConfigMap withOurs = finalizers.add(ResourceTypes.CONFIG_MAP, withTheirs, "notebooks.dev/cleanup");
        V1ConfigMap addedTwice = finalizers.add(ResourceTypes.CONFIG_MAP, withOurs, "notebooks.dev/cleanup");
        V1ConfigMap removed = finalizers.remove(ResourceTypes.CONFIG_MAP, withOurs, "notebooks.dev/cleanup");

        assertThat(object.getMetadata().getFinalizers()).isNullOrEmpty();
        assertThat(withOurs.getMetadata().getFinalizers()).containsExactly("someone/else", "notebooks.dev/cleanup");
        assertThat(addedTwice).isSameAs(withOurs);
        assertThat(removed.getMetadata().getFinalizers()).containsExactly("someone/else");
    }

    @Test
    void aFindingRepeatedOnTheSameVersionIsWrittenOnce() throws ApiException {
        V1ConfigMap object =
                applier.apply(ResourceTypes.CONFIG_MAP, desired("noisy", "v1")).object();

        boolean first = events.warnOnce(ResourceTypes.CONFIG_MAP, object, "BadSetting", "setting v1 is unknown");
        boolean repeated = events.warnOnce(ResourceTypes.CONFIG_MAP, object, "BadSetting", "setting v1 is unknown");
        boolean changed = events.warnOnce(ResourceTypes.CONFIG_MAP, object, "BadSetting", "setting v2 is unknown");

        assertThat(List.of(first, repeated, changed)).containsExactly(true, false, true);
        assertThat(core.listNamespacedEvent(NAMESPACE).execute().getItems())
                .filteredOn(event -> "noisy".equals(event.getInvolvedObject().getName()))
                .extracting(event -> event.getMessage())
                .containsExactlyInAnyOrder("setting v1 is unknown", "setting v2 is unknown");
    }

    @Test
    void aStatusIsWrittenWhenItChangesAndItsConditionsStayOnePerType() throws ApiException {
        TestProfile profile = profiles.create(TestProfile.owned("statused", "erin@example.com"))
                .throwsApiException()
                .getObject();
        var pending = new TestProfile.Status(Conditions.set(List.of(), Conditions.notReady("Pending", "", 1L)));

        boolean first = statusWriter.write(PROFILES, profile, pending);
        TestProfile written = profiles.get("statused").throwsApiException().getObject();
        boolean same = statusWriter.write(PROFILES, written, pending);
        boolean flipped = statusWriter.write(
                PROFILES, written, new TestProfile.Status(Conditions.set(written.conditions(), Conditions.ready(1L))));

        assertThat(List.of(first, same, flipped)).containsExactly(true, false, true);
        assertThat(profiles.get("statused").throwsApiException().getObject().conditions())
                .singleElement()
                .satisfies(condition -> assertThat(condition.getStatus()).isEqualTo("True"));
        var fromAStaleCopy = new TestProfile.Status(Conditions.set(List.of(), Conditions.notReady("Stale", "", 1L)));
        assertThatThrownBy(() -> statusWriter.write(PROFILES, written, fromAStaleCopy))
                .isInstanceOfSatisfying(
                        ApiException.class, e -> assertThat(e.getCode()).isEqualTo(409));
    }

    private static V1ConfigMap desired(String name, String setting) {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta().name(name).namespace(NAMESPACE).labels(Map.of("app", "demo")))
                .data(Map.of("setting", setting));
    }

    private V1ConfigMap mergePatch(String name, String patch) throws ApiException {
        return PatchUtils.patch(
                V1ConfigMap.class,
                () -> core.patchNamespacedConfigMap(name, NAMESPACE, new V1Patch(patch))
                        .buildCall(null),
                V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                api);
    }
}
