package dev.notebooks.platform.kube;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.gson.JsonParser;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.kubernetes.client.openapi.models.V1Secret;
import io.kubernetes.client.openapi.models.V1Volume;
import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.Test;

class KubeJsonTest {

    private static final String CONFIG_MAP =
            """
            {"apiVersion": "v1", "kind": "ConfigMap",
             "metadata": {"name": "spawner", "namespace": "kubeflow",
                          "managedFields": [{"manager": "kubectl-edit", "operation": "Update", "apiVersion": "v1",
                                             "time": "2025-03-01T10:00:00Z", "fieldsType": "FieldsV1",
                                             "fieldsV1": {"f:data": {"f:spawner_ui_config.yaml": {}}}}]},
             "data": {"spawner_ui_config.yaml": "spawnerFormDefaults: {}"}}""";

    @Test
    void managedFieldsAreReadAndSurviveACopy() {
        V1ConfigMap read = KubeJson.gson().fromJson(CONFIG_MAP, V1ConfigMap.class);
        V1ConfigMap copy = KubeJson.copy(read);

        for (V1ConfigMap configMap : new V1ConfigMap[] {read, copy}) {
            assertThat(configMap.getMetadata().getManagedFields())
                    .extracting(V1ManagedFieldsEntry::getManager)
                    .containsExactly("kubectl-edit");
            assertThat(configMap.getMetadata().getName()).isEqualTo("spawner");
        }
    }

    @Test
    void aFieldTheClientDoesNotKnowIsSkippedAtAnyDepth() {
        // what an API server newer than the client sends; the client's own adapters refuse the whole object
        String json = CONFIG_MAP
                .replace("\"name\": \"spawner\",", "\"name\": \"spawner\", \"newField\": {\"a\": 1},")
                .replace("\"kind\": \"ConfigMap\",", "\"kind\": \"ConfigMap\", \"alsoNew\": true,");

        V1ConfigMap read = KubeJson.gson().fromJson(json, V1ConfigMap.class);

        assertThat(read.getMetadata().getName()).isEqualTo("spawner");
        assertThat(read.getData()).containsKey("spawner_ui_config.yaml");
    }

    @Test
    void whatAPersonWroteIsReadStrictly() {
        String claim = "{\"metadata\": {\"name\": \"ws\"}, \"spec\": {\"accessModes\": [\"ReadWriteOnce\"]}}";

        assertThat(KubeJson.fromTreeStrictly(JsonParser.parseString(claim), V1PersistentVolumeClaim.class)
                        .getSpec()
                        .getAccessModes())
                .containsExactly("ReadWriteOnce");
        assertThatThrownBy(() -> KubeJson.fromTreeStrictly(
                        JsonParser.parseString(claim.replace("accessModes", "acessModes")),
                        V1PersistentVolumeClaim.class))
                .isInstanceOf(KubeJson.RefusedField.class)
                .hasMessage("unknown field `acessModes` in PersistentVolumeClaimSpec");
        assertThatThrownBy(() -> KubeJson.fromTreeStrictly(
                        JsonParser.parseString("{\"persistentVolumeClaim\": {\"claimName\": \"data\"}}"),
                        V1Volume.class))
                .as("a volume without its required name")
                .isInstanceOf(KubeJson.RefusedField.class)
                .hasMessage("missing required field `name`");
    }

    @Test
    void secretsAndTimesAreWrittenInTheClientsFormats() {
        V1Secret secret = new V1Secret()
                .metadata(new V1ObjectMeta()
                        .name("s")
                        .creationTimestamp(OffsetDateTime.parse("2025-03-01T10:00:00.123456789Z")))
                .data(Map.of("token", "hello".getBytes(StandardCharsets.UTF_8)));

        var tree = KubeJson.tree(secret);
        V1Secret back = KubeJson.fromTree(tree, V1Secret.class);

        assertThat(tree.getAsJsonObject("data").get("token").getAsString()).isEqualTo("aGVsbG8=");
        assertThat(tree.getAsJsonObject("metadata").get("creationTimestamp").getAsString())
                .isEqualTo("2025-03-01T10:00:00.123456Z");
        assertThat(new String(back.getData().get("token"), StandardCharsets.UTF_8))
                .isEqualTo("hello");
        assertThat(back.getMetadata().getCreationTimestamp())
                .isEqualTo(OffsetDateTime.parse("2025-03-01T10:00:00.123456Z"));
    }

    @Test
    void readingAnObjectLoadsOnlyTheModelsItIsMadeOf() throws Exception {
        try (IsolatedClasses classes = new IsolatedClasses()) {
            Object gson = classes.loadClass(KubeJson.class.getName())
                    .getMethod("gson")
                    .invoke(null);
            Class<?> configMap = classes.loadClass(V1ConfigMap.class.getName());

            Object read = gson.getClass()
                    .getMethod("fromJson", String.class, Class.class)
                    .invoke(gson, CONFIG_MAP, configMap);

            assertThat(read).isInstanceOf(configMap);
            assertThat(classes.loaded(V1ObjectMeta.class.getName())).isTrue();
            assertThat(classes.loaded(V1Pod.class.getName())).isFalse();
        }
    }

    @Test
    void anObjectWithoutManagedFieldsIsWrittenWithoutThem() {
        assertThat(KubeJson.tree(new V1ConfigMap()
                                .metadata(new io.kubernetes.client.openapi.models.V1ObjectMeta().name("plain")))
                        .getAsJsonObject("metadata")
                        .has("managedFields"))
                .isFalse();
    }

    @Test
    void objectsReadApartShareOneCopyOfEachStringTheyRepeat() {
        String longValue = "x".repeat(CanonicalStrings.LONGEST_INTERNED + 1);
        String json = CONFIG_MAP.replace("\"data\": {", "\"data\": {\"long\": \"" + longValue + "\", ");
        V1ConfigMap first = KubeJson.gson().fromJson(json, V1ConfigMap.class);
        V1ConfigMap second = KubeJson.gson().fromJson(json, V1ConfigMap.class);

        assertThat(second.getMetadata().getNamespace())
                .isEqualTo("kubeflow")
                .isSameAs(first.getMetadata().getNamespace());
        assertThat(second.getData().keySet())
                .allSatisfy(key -> assertThat(first.getData().keySet())
                        .anySatisfy(other -> assertThat(other).isSameAs(key)));
        assertThat(second.getMetadata().getManagedFields().get(0).getManager())
                .isSameAs(first.getMetadata().getManagedFields().get(0).getManager());
        // long values (documents, messages) are read as they are
        assertThat(second.getData().get("long"))
                .isEqualTo(longValue)
                .isNotSameAs(first.getData().get("long"));
    }

    @Test
    void aTimeReadAgainIsTheInstanceReadBefore() {
        String json = CONFIG_MAP.replace(
                "\"namespace\": \"kubeflow\",",
                "\"namespace\": \"kubeflow\", \"creationTimestamp\": \"2025-03-01T10:00:00Z\",");
        V1ConfigMap first = KubeJson.gson().fromJson(json, V1ConfigMap.class);
        V1ConfigMap second = KubeJson.gson().fromJson(json, V1ConfigMap.class);

        assertThat(first.getMetadata().getCreationTimestamp())
                .isEqualTo(OffsetDateTime.parse("2025-03-01T10:00:00Z"))
                .isSameAs(first.getMetadata().getManagedFields().get(0).getTime())
                .isSameAs(second.getMetadata().getCreationTimestamp());
    }

    @Test
    void theRememberedTimesAreForgottenWhenTheTableIsFull() {
        CanonicalValues<OffsetDateTime> times = CanonicalValues.times();
        OffsetDateTime start = OffsetDateTime.parse("2025-03-01T10:00:00Z");
        OffsetDateTime first = times.canonical(start);
        for (int i = 1; i <= CanonicalValues.REMEMBERED; i++) {
            times.canonical(start.plusSeconds(i));
        }

        OffsetDateTime again = OffsetDateTime.parse("2025-03-01T10:00:00Z");
        assertThat(times.canonical(again)).isEqualTo(first).isNotSameAs(first);
    }

    @Test
    void equalQuantitiesAreOneObjectButAFormatIsKept() {
        String pod =
                """
                {"metadata":{"name":"nb-0"},"spec":{"containers":[{"name":"nb",
                  "resources":{"requests":{"memory":"1Gi"},"limits":{"memory":"1073741824"}}}]}}
                """;
        V1Pod first = KubeJson.fromTree(JsonParser.parseString(pod), V1Pod.class);
        V1Pod second = KubeJson.fromTree(JsonParser.parseString(pod), V1Pod.class);
        var requests = first.getSpec().getContainers().get(0).getResources().getRequests();
        var limits = first.getSpec().getContainers().get(0).getResources().getLimits();

        assertThat(second.getSpec()
                        .getContainers()
                        .get(0)
                        .getResources()
                        .getRequests()
                        .get("memory"))
                .isSameAs(requests.get("memory"));
        // 1Gi equals 1073741824 for Quantity, but each is written as it was read
        assertThat(limits.get("memory")).isEqualTo(requests.get("memory")).isNotSameAs(requests.get("memory"));
        assertThat(limits.get("memory").toSuffixedString()).isEqualTo("1073741824");
        assertThat(requests.get("memory").toSuffixedString()).isEqualTo("1Gi");
    }

    /** The test's class path in a loader of its own, so what loading and reading a class pulls in can be seen. */
    private static final class IsolatedClasses extends URLClassLoader {

        IsolatedClasses() {
            super(classPath(), ClassLoader.getPlatformClassLoader());
        }

        boolean loaded(String name) {
            return findLoadedClass(name) != null;
        }

        private static URL[] classPath() {
            return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
                    .map(IsolatedClasses::url)
                    .toArray(URL[]::new);
        }

        private static URL url(String path) {
            try {
                return new File(path).toURI().toURL();
            } catch (MalformedURLException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
