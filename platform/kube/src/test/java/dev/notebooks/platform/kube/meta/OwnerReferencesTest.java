package dev.notebooks.platform.kube.meta;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.kubernetes.client.openapi.models.V1StatefulSet;
import java.util.List;
import org.junit.jupiter.api.Test;

class OwnerReferencesTest {

    private static final ResourceType<V1StatefulSet> OWNER = ResourceTypes.STATEFUL_SET;

    private final V1StatefulSet owner = new V1StatefulSet()
            .metadata(new V1ObjectMeta().name("jupyter").namespace("alice").uid("uid-1"));

    @Test
    void theControllerReferenceBlocksOwnerDeletionAndNamesTheOwnerFully() {
        V1OwnerReference reference = OwnerReferences.controller(OWNER, owner);

        assertThat(reference.getApiVersion()).isEqualTo("apps/v1");
        assertThat(reference.getKind()).isEqualTo("StatefulSet");
        assertThat(reference.getName()).isEqualTo("jupyter");
        assertThat(reference.getUid()).isEqualTo("uid-1");
        assertThat(reference.getController()).isTrue();
        assertThat(reference.getBlockOwnerDeletion()).isTrue();
    }

    @Test
    void anOwnerWithoutUidCannotOwn() {
        V1StatefulSet unsaved = new V1StatefulSet().metadata(new V1ObjectMeta().name("jupyter"));

        assertThatThrownBy(() -> OwnerReferences.controller(OWNER, unsaved)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void theOwnerOfAChildIsFoundByItsControllerReference() {
        V1ConfigMap child = childWith(
                new V1OwnerReference()
                        .apiVersion("v1")
                        .kind("Pod")
                        .name("other")
                        .uid("x"),
                OwnerReferences.controller(OWNER, owner));

        assertThat(OwnerReferences.controllerOf(child, OWNER))
                .hasValueSatisfying(reference -> assertThat(reference.getName()).isEqualTo("jupyter"));
        assertThat(OwnerReferences.isControlledBy(child, OWNER, owner)).isTrue();
    }

    @Test
    void aReferenceThatIsNotTheControllerOwnsNothing() {
        V1ConfigMap child = childWith(OwnerReferences.controller(OWNER, owner).controller(false));

        assertThat(OwnerReferences.controllerOf(child, OWNER)).isEmpty();
    }

    @Test
    void aControllerOfAnotherKindOrGroupIsNotTheOwner() {
        V1ConfigMap child = childWith(new V1OwnerReference()
                .apiVersion("example.com/v1")
                .kind("StatefulSet")
                .name("jupyter")
                .uid("uid-1")
                .controller(true));

        assertThat(OwnerReferences.controllerOf(child, OWNER)).isEmpty();
        assertThat(OwnerReferences.controllerOf(new V1Namespace().metadata(new V1ObjectMeta()), OWNER))
                .isEmpty();
    }

    @Test
    void anotherVersionOfTheOwnersGroupStillOwns() {
        V1ConfigMap child = childWith(new V1OwnerReference()
                .apiVersion("apps/v1beta2")
                .kind("StatefulSet")
                .name("jupyter")
                .uid("uid-1")
                .controller(true));

        assertThat(OwnerReferences.controllerOf(child, OWNER)).isPresent();
    }

    private static V1ConfigMap childWith(V1OwnerReference... references) {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta().name("child").namespace("alice").ownerReferences(List.of(references)));
    }
}
