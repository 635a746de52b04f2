package dev.notebooks.notebook.domain;

import dev.notebooks.notebook.domain.children.VirtualServiceList;
import dev.notebooks.notebook.domain.children.VirtualServiceResource;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.notebook.domain.poddefault.PodDefaultList;
import dev.notebooks.platform.kube.ResourceType;

/** The custom resources this service reads and writes, spelled out so nothing depends on API discovery. */
public final class NotebookResources {

    /** Read and written at the storage version; v1beta1 and v1alpha1 are the same object. */
    public static final ResourceType<Notebook> NOTEBOOKS =
            ResourceType.namespaced("kubeflow.org", "v1", "Notebook", "notebooks", Notebook.class, NotebookList.class);

    public static final ResourceType<PodDefault> POD_DEFAULTS = ResourceType.namespaced(
            "kubeflow.org", "v1alpha1", "PodDefault", "poddefaults", PodDefault.class, PodDefaultList.class);

    /** Istio's routes, written only when {@code notebooks.istio.enabled} is on. */
    public static final ResourceType<VirtualServiceResource> VIRTUAL_SERVICES = ResourceType.namespaced(
            "networking.istio.io",
            "v1alpha3",
            "VirtualService",
            "virtualservices",
            VirtualServiceResource.class,
            VirtualServiceList.class);

    private NotebookResources() {}
}
