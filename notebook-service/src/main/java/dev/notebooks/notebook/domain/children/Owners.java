package dev.notebooks.notebook.domain.children;

import dev.notebooks.notebook.domain.Notebook;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** The controller owner reference every child carries, so deleting the Notebook deletes its children. */
final class Owners {

    private Owners() {}

    static V1OwnerReference of(Notebook notebook) {
        return new V1OwnerReference()
                .apiVersion(Notebook.API_VERSION)
                .kind(Notebook.KIND)
                .name(notebook.name())
                .uid(notebook.getMetadata().getUid())
                .controller(true)
                .blockOwnerDeletion(true);
    }

    /** Whether the object is controlled by the owner the desired object names (any served API version counts). */
    static boolean hasOwners(V1ObjectMeta actual, V1ObjectMeta desired) {
        for (V1OwnerReference wanted : references(desired)) {
            boolean present = references(actual).stream()
                    .anyMatch(reference -> Objects.equals(reference.getUid(), wanted.getUid())
                            && Objects.equals(reference.getController(), wanted.getController()));
            if (!present) {
                return false;
            }
        }
        return true;
    }

    /** Theirs, with ours put in place of any reference to the same owner. */
    static List<V1OwnerReference> merged(V1ObjectMeta actual, V1ObjectMeta desired) {
        List<V1OwnerReference> ours = references(desired);
        List<V1OwnerReference> result = new ArrayList<>();
        for (V1OwnerReference reference : references(actual)) {
            if (ours.stream().noneMatch(o -> Objects.equals(o.getUid(), reference.getUid()))) {
                result.add(reference);
            }
        }
        result.addAll(ours);
        return result;
    }

    private static List<V1OwnerReference> references(V1ObjectMeta metadata) {
        return metadata == null || metadata.getOwnerReferences() == null ? List.of() : metadata.getOwnerReferences();
    }
}
