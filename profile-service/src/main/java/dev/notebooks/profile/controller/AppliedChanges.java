package dev.notebooks.profile.controller;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.apply.ApplyResult;
import io.kubernetes.client.common.KubernetesObject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** What one reconcile pass wrote, told as one Kubernetes Event on the profile rather than one per object. */
final class AppliedChanges {

    private final List<String> changes = new ArrayList<>();

    <T extends KubernetesObject> T applied(ResourceType<T> type, ApplyResult<T> result) {
        if (result.changed()) {
            add(result.created() ? "created" : "updated", type, result.object());
        }
        return result.object();
    }

    void add(String verb, ResourceType<?> type, KubernetesObject object) {
        changes.add(verb + " " + type.kind() + " "
                + type.key(
                        object.getMetadata().getNamespace(),
                        object.getMetadata().getName()));
    }

    /** @return e.g. {@code created Namespace team-a, created ServiceAccount team-a/default-editor}; empty if none */
    Optional<String> summary() {
        return changes.isEmpty() ? Optional.empty() : Optional.of(String.join(", ", changes));
    }
}
