package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.gson.JsonParser;
import org.junit.jupiter.api.Test;

class MergePatchBuilderTest {

    @Test
    void keysAreSetAndRemovedInTheirMapsBoundToTheResourceVersion() {
        String patch = MergePatchBuilder.atResourceVersion("42")
                .put("metadata.annotations", "notebooks.dev/fingerprint", "abc")
                .remove("metadata.annotations", "notebooks.dev/owner-account")
                .put("data", "spawner_ui_config.yaml", "spawnerFormDefaults: {}")
                .build()
                .toString();

        assertThat(JsonParser.parseString(patch))
                .isEqualTo(
                        JsonParser.parseString(
                                """
                        {"metadata": {"resourceVersion": "42",
                                      "annotations": {"notebooks.dev/fingerprint": "abc",
                                                      "notebooks.dev/owner-account": null}},
                         "data": {"spawner_ui_config.yaml": "spawnerFormDefaults: {}"}}"""));
    }

    @Test
    void aDeepPathIsMadeOnce() {
        String patch = MergePatchBuilder.mergePatch()
                .put("spec.template.metadata.annotations", "kubectl.kubernetes.io/restartedAt", "2025-03-01T10:00:00Z")
                .put("spec.template.metadata.annotations", "other", 1)
                .build()
                .toString();

        assertThat(JsonParser.parseString(patch))
                .isEqualTo(
                        JsonParser.parseString(
                                """
                        {"spec": {"template": {"metadata": {"annotations": {
                            "kubectl.kubernetes.io/restartedAt": "2025-03-01T10:00:00Z", "other": 1}}}}}"""));
    }
}
