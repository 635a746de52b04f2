package dev.notebooks.platform.kube.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.platform.kube.status.Conditions;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import org.junit.jupiter.api.Test;

class FailedPassesTest {

    @Test
    void onlyTheReadyConditionIsReplacedAndKubeflowsOtherConditionsStayAsTheyAre() {
        Thing notebookLike = new Thing(JsonParser.parseString(
                        """
                        {"readyReplicas": 1, "conditions": [
                          {"type": "PodReadyToStartContainers", "status": "True",
                           "lastProbeTime": "2026-12-07T04:10:15Z", "lastTransitionTime": "2026-12-07T04:10:15Z"},
                          {"type": "Ready", "status": "False", "reason": "Old", "message": "m",
                           "lastTransitionTime": "2026-12-01T00:00:00Z"}]}
                        """)
                .getAsJsonObject());

        JsonObject status = FailedPasses.statusWith(notebookLike, Conditions.notReady("ApiError", "answered 500", 3L));

        JsonArray conditions = status.getAsJsonArray("conditions");
        assertThat(conditions).hasSize(2);
        assertThat(conditions.get(0))
                .isEqualTo(notebookLike.status.getAsJsonArray("conditions").get(0));
        JsonObject ready = conditions.get(1).getAsJsonObject();
        assertThat(ready.get("reason").getAsString()).isEqualTo("ApiError");
        assertThat(ready.get("observedGeneration").getAsLong()).isEqualTo(3L);
        assertThat(ready.get("lastTransitionTime").getAsString())
                .as("still False: the transition time stays")
                .isEqualTo("2026-12-01T00:00:00Z");
        assertThat(status.get("readyReplicas").getAsInt()).isEqualTo(1);
    }

    @Test
    void aStatusWithoutConditionsGetsTheReadyOne() {
        JsonObject status =
                FailedPasses.statusWith(new Thing(null), Conditions.notReady("ApiError", "answered 500", 1L));

        assertThat(status.getAsJsonArray("conditions")).hasSize(1);
        assertThat(status.getAsJsonArray("conditions")
                        .get(0)
                        .getAsJsonObject()
                        .get("type")
                        .getAsString())
                .isEqualTo("Ready");
    }

    private static final class Thing implements KubernetesObject {
        private final String apiVersion = "example.dev/v1";
        private final String kind = "Thing";
        private final V1ObjectMeta metadata = new V1ObjectMeta().name("thing").generation(3L);
        private final JsonObject status;

        Thing(JsonObject status) {
            this.status = status;
        }

        @Override
        public V1ObjectMeta getMetadata() {
            return metadata;
        }

        @Override
        public String getApiVersion() {
            return apiVersion;
        }

        @Override
        public String getKind() {
            return kind;
        }
    }
}
