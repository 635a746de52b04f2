package dev.notebooks.platform.kube;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.models.V1ListMeta;
import java.util.List;

/**
 * A list of a custom resource as the API server answers it ({@code apiVersion}, {@code kind}, {@code metadata},
 * {@code items}): the one list class of every kind the platform defines. A kind's list names only its item class, e.g.
 * {@code public class NotebookList extends CustomResourceList<Notebook> {}}; Gson, and so client-java's
 * {@code GenericKubernetesApi} and the informers, read the items as that class.
 */
public abstract class CustomResourceList<T extends KubernetesObject> implements KubernetesListObject {

    private String apiVersion;
    private String kind;
    private V1ListMeta metadata;
    private List<T> items;

    @Override
    public String getApiVersion() {
        return apiVersion;
    }

    @Override
    public String getKind() {
        return kind;
    }

    @Override
    public V1ListMeta getMetadata() {
        return metadata;
    }

    /** @return the items; empty (never null) when the answer had none */
    @Override
    public List<T> getItems() {
        return items == null ? List.of() : items;
    }
}
