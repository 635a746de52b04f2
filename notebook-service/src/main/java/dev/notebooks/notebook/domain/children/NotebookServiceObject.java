package dev.notebooks.notebook.domain.children;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import io.kubernetes.client.custom.IntOrString;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1Service;
import io.kubernetes.client.openapi.models.V1ServicePort;
import io.kubernetes.client.openapi.models.V1ServiceSpec;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * A Notebook's Service, as Kubeflow's controller makes it: named after the notebook, ClusterIP, port 80 named
 * {@code http-<name>} (Istio's naming) to the server container's first port or 8888.
 */
public final class NotebookServiceObject {

    public static final int PORT = 80;

    private NotebookServiceObject() {}

    public static V1Service desired(Notebook notebook) {
        return new V1Service()
                .apiVersion("v1")
                .kind("Service")
                .metadata(new V1ObjectMeta()
                        .name(notebook.name())
                        .namespace(notebook.namespace())
                        .addOwnerReferencesItem(Owners.of(notebook)))
                .spec(new V1ServiceSpec()
                        .type("ClusterIP")
                        .selector(Map.of(NotebookAnnotations.STATEFULSET_LABEL, notebook.name()))
                        .ports(List.of(new V1ServicePort()
                                .name(portName(notebook.name()))
                                .port(PORT)
                                .targetPort(new IntOrString(targetPort(notebook)))
                                .protocol("TCP"))));
    }

    public static String portName(String notebookName) {
        return "http-" + notebookName;
    }

    /** The server container's first port, or 8888 when it declares none. */
    public static int targetPort(Notebook notebook) {
        return notebook.serverContainer()
                .map(container -> container.getPorts())
                .filter(ports -> !ports.isEmpty())
                .map(ports -> ports.get(0))
                .map(V1ContainerPort::getContainerPort)
                .orElse(NotebookPodTemplate.DEFAULT_PORT);
    }

    public static boolean needsUpdate(V1Service desired, V1Service actual) {
        V1ObjectMeta meta = actual.getMetadata() == null ? new V1ObjectMeta() : actual.getMetadata();
        V1ServiceSpec spec = actual.getSpec() == null ? new V1ServiceSpec() : actual.getSpec();
        return !Objects.equals(
                        Maps.orEmpty(spec.getSelector()), desired.getSpec().getSelector())
                || !Objects.equals(
                        spec.getType() == null ? "ClusterIP" : spec.getType(),
                        desired.getSpec().getType())
                || !Owners.hasOwners(meta, desired.getMetadata())
                || !Covers.covers(
                        KubeModels.tree(spec.getPorts()),
                        KubeModels.tree(desired.getSpec().getPorts()));
    }

    /** The actual Service with the desired selector, type and ports; its cluster IP and what others added kept. */
    public static V1Service merged(V1Service desired, V1Service actual) {
        V1Service merged = KubeModels.copy(actual);
        V1ObjectMeta meta = merged.getMetadata() == null ? new V1ObjectMeta() : merged.getMetadata();
        merged.setMetadata(meta.ownerReferences(Owners.merged(meta, desired.getMetadata())));
        V1ServiceSpec spec = merged.getSpec() == null ? new V1ServiceSpec() : merged.getSpec();
        merged.setSpec(spec.selector(desired.getSpec().getSelector())
                .type(desired.getSpec().getType())
                .ports(desired.getSpec().getPorts()));
        return merged;
    }
}
