package dev.notebooks.platform.kube.meta;

import dev.notebooks.platform.kube.ResourceType;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** Owner references that make a child belong to its owner: deleted with it, and found from it. */
public final class OwnerReferences {

    private OwnerReferences() {}

    /**
     * @return the reference that makes {@code owner} the controller of a child: {@code controller=true} (there is only
     *     one) and {@code blockOwnerDeletion=true} (foreground deletion of the owner waits for the child)
     */
    public static <T extends KubernetesObject> V1OwnerReference controller(ResourceType<T> ownerType, T owner) {
        return new V1OwnerReference()
                .apiVersion(ownerType.apiVersion())
                .kind(ownerType.kind())
                .name(owner.getMetadata().getName())
                .uid(Objects.requireNonNull(owner.getMetadata().getUid(), "the owner has no uid: read it from the API"))
                .controller(true)
                .blockOwnerDeletion(true);
    }

    /** @return the child's controller reference, when its controller is of {@code ownerType} (any version) */
    public static Optional<V1OwnerReference> controllerOf(KubernetesObject child, ResourceType<?> ownerType) {
        List<V1OwnerReference> references =
                child.getMetadata() == null ? null : child.getMetadata().getOwnerReferences();
        if (references == null) {
            return Optional.empty();
        }
        return references.stream()
                .filter(reference -> Boolean.TRUE.equals(reference.getController()))
                .filter(reference -> ownerType.kind().equals(reference.getKind()))
                .filter(reference -> ownerType.group().equals(groupOf(reference.getApiVersion())))
                .findFirst();
    }

    /** @return whether {@code owner} is the child's controller */
    public static boolean isControlledBy(KubernetesObject child, ResourceType<?> ownerType, KubernetesObject owner) {
        return controllerOf(child, ownerType)
                .map(reference ->
                        Objects.equals(reference.getUid(), owner.getMetadata().getUid()))
                .orElse(false);
    }

    private static String groupOf(String apiVersion) {
        if (apiVersion == null) {
            return "";
        }
        int slash = apiVersion.indexOf('/');
        return slash < 0 ? "" : apiVersion.substring(0, slash);
    }
}
