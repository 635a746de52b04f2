package dev.notebooks.auth.dex;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.auth.AuthSettings;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import jakarta.inject.Singleton;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * Dex's ConfigMap: reads its {@code config.yaml} and which {@code staticPasswords} entries this service wrote (an
 * annotation listing their emails), and writes both in one merge patch bound to the resourceVersion read.
 */
@Singleton
public class DexConfigMap {

    /** The emails of the entries this service wrote, as a JSON array; the others are read-only here. */
    public static final String MANAGED_ANNOTATION = "auth.notebooks.dev/managed-emails";

    private final ResourceClient client;
    private final String namespace;
    private final String name;
    private final String key;

    public DexConfigMap(ResourceClient client, AuthSettings settings) {
        this.client = client;
        this.namespace = settings.getDexNamespace();
        this.name = settings.getConfigMapName();
        this.key = settings.getConfigMapKey();
    }

    /** Dex's ConfigMap as read: its configuration, the emails this service manages, and its resourceVersion. */
    public record Snapshot(DexConfig config, Set<String> managed, String resourceVersion) {}

    /** @throws IllegalStateException when the ConfigMap does not exist */
    public Snapshot read() throws ApiException {
        V1ConfigMap configMap = client.get(ResourceTypes.CONFIG_MAP, namespace, name)
                .orElseThrow(() ->
                        new IllegalStateException("Dex's ConfigMap " + namespace + "/" + name + " does not exist"));
        Map<String, String> data = configMap.getData() == null ? Map.of() : configMap.getData();
        Map<String, String> annotations = configMap.getMetadata().getAnnotations() == null
                ? Map.of()
                : configMap.getMetadata().getAnnotations();
        return new Snapshot(
                DexConfig.parse(data.get(key)),
                managedEmails(annotations.get(MANAGED_ANNOTATION)),
                configMap.getMetadata().getResourceVersion());
    }

    /** Writes the configuration and the managed emails; a 409 when the ConfigMap changed since {@code read}. */
    public void write(Snapshot read, DexConfig config, Collection<String> managed) throws ApiException {
        JsonArray emails = new JsonArray();
        new TreeSet<>(managed).forEach(emails::add);
        JsonObject patch = MergePatchBuilder.atResourceVersion(read.resourceVersion())
                .put("metadata.annotations", MANAGED_ANNOTATION, emails.toString())
                .put("data", key, config.text())
                .build();
        client.mergePatch(ResourceTypes.CONFIG_MAP, namespace, name, patch);
    }

    private static Set<String> managedEmails(String annotation) {
        if (annotation == null || annotation.isBlank()) {
            return Set.of();
        }
        Set<String> emails = new TreeSet<>();
        JsonParser.parseString(annotation).getAsJsonArray().forEach(email -> emails.add(email.getAsString()));
        return emails;
    }

    static List<String> sorted(Collection<String> emails) {
        return List.copyOf(new TreeSet<>(emails));
    }
}
