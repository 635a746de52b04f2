package dev.notebooks.platform.kube.apply;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ApplyPatchTest {

    private static final V1OwnerReference OURS = OwnerReferences.controller(
            ResourceTypes.NAMESPACE,
            new V1Namespace().metadata(new V1ObjectMeta().name("owner").uid("uid-owner")));

    @Test
    void anObjectAsDesiredNeedsNoPatchWhateverTheServerAdded() {
        V1ConfigMap actual = desired();
        actual.getMetadata()
                .uid("uid-1")
                .resourceVersion("42")
                .creationTimestamp(java.time.OffsetDateTime.now())
                .putLabelsItem("team", "ml")
                .putAnnotationsItem("note", "added by a user");
        actual.putDataItem("theirs", "x").apiVersion("v1").kind("ConfigMap");

        assertThat(ApplyPatch.between(KubeJson.tree(actual), KubeJson.tree(desired())))
                .isEqualTo(new JsonObject());
    }

    @Test
    void aChangedManagedValueIsPatchedAloneAndForeignKeysAreNotMentioned() {
        V1ConfigMap actual = desired();
        actual.getMetadata()
                .putLabelsItem("app.kubernetes.io/managed-by", "someone-else")
                .putLabelsItem("team", "ml");
        actual.putDataItem("config", "edited by hand").putDataItem("theirs", "x");

        assertThat(ApplyPatch.between(KubeJson.tree(actual), KubeJson.tree(desired())))
                .isEqualTo(json("{'data':{'config':'value'},"
                        + "'metadata':{'labels':{'app.kubernetes.io/managed-by':'profile-service'}}}"));
    }

    @Test
    void aMissingOwnerReferenceIsAddedNextToTheOnesOthersSet() {
        V1OwnerReference theirs =
                new V1OwnerReference().apiVersion("v1").kind("Pod").name("p").uid("uid-pod");
        V1ConfigMap actual = desired();
        actual.getMetadata().ownerReferences(List.of(theirs));

        JsonObject patch = ApplyPatch.between(KubeJson.tree(actual), KubeJson.tree(desired()));

        assertThat(patch.getAsJsonObject("metadata").getAsJsonArray("ownerReferences"))
                .isEqualTo(KubeJson.element(List.of(theirs, OURS)));
        assertThat(patch.keySet()).containsExactly("metadata");
    }

    @Test
    void finalizersOfOthersAreKeptWhenOursIsAdded() {
        V1ConfigMap desired = desired();
        desired.getMetadata().finalizers(List.of("notebooks.dev/cleanup"));
        V1ConfigMap actual = desired();
        actual.getMetadata().finalizers(List.of("someone/else"));

        JsonObject patch = ApplyPatch.between(KubeJson.tree(actual), KubeJson.tree(desired));

        assertThat(patch).isEqualTo(json("{'metadata':{'finalizers':['someone/else','notebooks.dev/cleanup']}}"));
    }

    @Test
    void statusAndIdentityFieldsAreNeverPatched() {
        JsonObject actual = KubeJson.tree(desired());
        JsonObject desired = KubeJson.tree(desired());
        desired.add("status", json("{'phase':'Active'}"));
        desired.addProperty("kind", "ConfigMap");
        desired.getAsJsonObject("metadata").addProperty("resourceVersion", "7");

        assertThat(ApplyPatch.between(actual, desired)).isEqualTo(new JsonObject());
    }

    private static V1ConfigMap desired() {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta()
                        .name("spawner")
                        .namespace("kubeflow")
                        .labels(new java.util.HashMap<>(Map.of("app.kubernetes.io/managed-by", "profile-service")))
                        .ownerReferences(List.of(OURS)))
                .data(new java.util.HashMap<>(Map.of("config", "value")));
    }

    private static JsonObject json(String json) {
        return JsonParser.parseString(json.replace('\'', '"')).getAsJsonObject();
    }
}
