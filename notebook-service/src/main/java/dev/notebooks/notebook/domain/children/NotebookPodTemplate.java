package dev.notebooks.notebook.domain.children;

import dev.notebooks.notebook.domain.KubeModels;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ContainerPort;
import io.kubernetes.client.openapi.models.V1EnvVar;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSecurityContext;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.kubernetes.client.openapi.models.V1PodTemplateSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** The pod template of a Notebook's StatefulSet, exactly as Kubeflow's notebook-controller generates it. */
public final class NotebookPodTemplate {

    public static final String WORKING_DIR = "/home/jovyan";
    public static final String PORT_NAME = "notebook-port";
    public static final int DEFAULT_PORT = 8888;
    public static final String NB_PREFIX = "NB_PREFIX";
    public static final long FS_GROUP = 100L;

    private NotebookPodTemplate() {}

    public static V1PodTemplateSpec of(Notebook notebook, ChildSettings settings) {
        return new V1PodTemplateSpec()
                .metadata(new V1ObjectMeta().labels(labels(notebook)).annotations(nullWhenEmpty(annotations(notebook))))
                .spec(podSpec(notebook, settings));
    }

    /** {@code statefulset} and {@code notebook-name}, then every Notebook label on top. */
    static Map<String, String> labels(Notebook notebook) {
        Map<String, String> labels = new TreeMap<>();
        labels.put(NotebookAnnotations.STATEFULSET_LABEL, notebook.name());
        labels.put(NotebookAnnotations.NOTEBOOK_NAME_LABEL, notebook.name());
        labels.putAll(notebook.labels());
        return labels;
    }

    /** Every Notebook annotation but those whose key contains {@code kubectl} or {@code notebook}. */
    static Map<String, String> annotations(Notebook notebook) {
        Map<String, String> annotations = new TreeMap<>();
        notebook.annotations().forEach((key, value) -> {
            if (copiedToPods(key)) {
                annotations.put(key, value);
            }
        });
        return annotations;
    }

    /** Whether Kubeflow's controller copies a Notebook annotation with this key to the pod template. */
    public static boolean copiedToPods(String annotationKey) {
        return !annotationKey.contains("kubectl") && !annotationKey.contains("notebook");
    }

    public static String prefix(String namespace, String name) {
        return "/notebook/" + namespace + "/" + name;
    }

    private static V1PodSpec podSpec(Notebook notebook, ChildSettings settings) {
        V1PodSpec spec = KubeModels.copy(notebook.podSpec());
        List<V1Container> containers = spec.getContainers();
        if (containers != null && !containers.isEmpty() && containers.get(0) != null) {
            V1Container server = containers.get(0);
            if (server.getWorkingDir() == null || server.getWorkingDir().isEmpty()) {
                server.setWorkingDir(WORKING_DIR);
            }
            // Go's "ports == nil"; client-java cannot tell an empty list from none
            if (server.getPorts() == null || server.getPorts().isEmpty()) {
                server.setPorts(List.of(new V1ContainerPort()
                        .name(PORT_NAME)
                        .containerPort(DEFAULT_PORT)
                        .protocol("TCP")));
            }
            // Kubeflow appends NB_PREFIX only when the container has none: a user's own value is kept.
            List<V1EnvVar> env = server.getEnv() == null ? new ArrayList<>() : new ArrayList<>(server.getEnv());
            if (env.stream().noneMatch(variable -> variable != null && NB_PREFIX.equals(variable.getName()))) {
                env.add(new V1EnvVar().name(NB_PREFIX).value(prefix(notebook.namespace(), notebook.name())));
            }
            server.setEnv(env);
        }
        if (settings.addFsGroup() && spec.getSecurityContext() == null) {
            spec.setSecurityContext(new V1PodSecurityContext().fsGroup(FS_GROUP));
        }
        return spec;
    }

    private static Map<String, String> nullWhenEmpty(Map<String, String> map) {
        return map.isEmpty() ? null : map;
    }
}
