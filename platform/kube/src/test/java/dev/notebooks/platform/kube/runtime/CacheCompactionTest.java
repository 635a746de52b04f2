package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonElement;
import com.google.gson.JsonParser;
import dev.notebooks.platform.kube.KubeJson;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Pod;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class CacheCompactionTest {

    // as an API server sends it: labels, a selector, quantities in two formats, empty and absent lists
    private static final String POD =
            """
            {"apiVersion":"v1","kind":"Pod",
             "metadata":{"name":"nb-0","namespace":"team","uid":"u-1","resourceVersion":"7",
               "labels":{"notebook-name":"nb","statefulset":"nb"},
               "annotations":{"kubectl.kubernetes.io/last-applied-configuration":"{}"},
               "finalizers":[],
               "managedFields":[{"manager":"kubelet","operation":"Update","fieldsType":"FieldsV1",
                 "fieldsV1":{"f:status":{"f:phase":{}}}}]},
             "spec":{"nodeSelector":{"pool":"cpu"},
               "containers":[{"name":"nb","image":"jupyter:1",
                 "resources":{"requests":{"cpu":"500m","memory":"1Gi"},"limits":{"memory":"1073741824"}},
                 "env":[{"name":"NB_PREFIX","value":"/notebook/team/nb"}]}]},
             "status":{"phase":"Running","conditions":[{"type":"Ready","status":"True"}]}}
            """;

    private static V1Pod read() {
        return KubeJson.fromTree(JsonParser.parseString(POD), V1Pod.class);
    }

    private static KubernetesObject asCached(KubernetesObject object) {
        return CacheCompaction.INSTANCE.transform(
                LastAppliedDropped.INSTANCE.transform(ManagedFieldsSummary.INSTANCE.transform(object)));
    }

    @Test
    void aCompactedObjectSaysWhatItSaidBefore() {
        V1Pod pod = read();
        JsonElement before = KubeJson.element(
                LastAppliedDropped.INSTANCE.transform(ManagedFieldsSummary.INSTANCE.transform(read())));

        V1Pod cached = (V1Pod) asCached(pod);

        assertThat(KubeJson.element(cached)).isEqualTo(before);
        assertThat(cached).isEqualTo(KubeJson.fromTree(before, V1Pod.class));
        assertThat(KubeJson.copy(cached)).isEqualTo(cached);
    }

    @Test
    void emptyListsAndMapsAreTheSharedEmptyOnesAndSmallMapsCompact() {
        V1Pod cached = (V1Pod) asCached(read());
        V1ObjectMeta metadata = cached.getMetadata();

        assertThat(metadata.getFinalizers()).isSameAs(List.of());
        assertThat(metadata.getOwnerReferences()).isSameAs(List.of());
        assertThat(metadata.getAnnotations()).isSameAs(Map.of());
        assertThat(metadata.getLabels())
                .isInstanceOf(CompactMap.class)
                .containsExactly(Map.entry("notebook-name", "nb"), Map.entry("statefulset", "nb"));
        assertThat(metadata.getLabels().get("statefulset")).isEqualTo("nb");
        assertThat(metadata.getLabels().get("absent")).isNull();
        assertThat(cached.getSpec().getNodeSelector()).isInstanceOf(CompactMap.class);
        assertThat(cached.getSpec().getContainers().get(0).getResources().getRequests())
                .isInstanceOf(CompactMap.class);
    }

    @Test
    void whatIsCachedCannotBeChangedInPlace() {
        V1Pod cached = (V1Pod) asCached(read());

        assertThatThrownBy(() -> cached.getMetadata().getLabels().put("x", "y"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThatThrownBy(() -> cached.getMetadata().getFinalizers().add("x"))
                .isInstanceOf(UnsupportedOperationException.class);
        assertThat(cached.getMetadata().getLabels()).hasSize(2);
    }

    @Test
    void aResyncOfACachedObjectChangesNothingAndDoesNotFail() {
        V1Pod cached = (V1Pod) asCached(read());
        JsonElement once = KubeJson.element(cached);
        Map<String, String> labels = cached.getMetadata().getLabels();
        Object fieldSet = cached.getMetadata().getManagedFields().get(0).getFieldsV1();

        V1Pod again = (V1Pod) asCached(cached);

        assertThat(KubeJson.element(again)).isEqualTo(once);
        assertThat(again.getMetadata().getLabels()).isSameAs(labels);
        // ManagedFieldsSummary's field sets stay the one shared map per shape
        assertThat(again.getMetadata().getManagedFields().get(0).getFieldsV1()).isSameAs(fieldSet);
    }

    @Test
    void listsLoseTheirSpareCapacityAndKeepTheirElements() {
        V1Pod pod = read();
        List<String> finalizers = new ArrayList<>(16);
        finalizers.add("kubeflow.org/notebook");
        pod.getMetadata().setFinalizers(finalizers);

        V1Pod cached = (V1Pod) CacheCompaction.INSTANCE.transform(pod);

        assertThat(cached.getMetadata().getFinalizers()).isSameAs(finalizers).containsExactly("kubeflow.org/notebook");
    }

    @Test
    void aRecordsListsAreCompactedWhereTheyCanBeAndTheRecordKept() {
        Holder holder = new Holder(new V1ObjectMeta().name("h"), new ArrayList<>(List.of(new V1ObjectMeta())));

        CacheCompaction.INSTANCE.transform(holder);

        assertThat(holder.metadata().getFinalizers()).isSameAs(List.of());
        // a record's own field cannot be set: its list stays, its elements are compacted
        assertThat(holder.items()).hasSize(1);
        assertThat(holder.items().get(0).getLabels()).isSameAs(Map.of());
        assertThat(CacheCompaction.INSTANCE.transform(null)).isNull();
    }

    record Holder(V1ObjectMeta metadata, List<V1ObjectMeta> items) implements KubernetesObject {
        @Override
        public V1ObjectMeta getMetadata() {
            return metadata;
        }

        @Override
        public String getApiVersion() {
            return "v1";
        }

        @Override
        public String getKind() {
            return "Holder";
        }
    }
}
