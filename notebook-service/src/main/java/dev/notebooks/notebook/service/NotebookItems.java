package dev.notebooks.notebook.service;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.Quantities;
import dev.notebooks.notebook.domain.images.CatalogImages;
import dev.notebooks.notebook.domain.images.ImageCheckView;
import dev.notebooks.notebook.domain.spawner.SpawnerConfig;
import dev.notebooks.notebook.domain.status.ListPhase;
import dev.notebooks.notebook.domain.status.ListPhases;
import dev.notebooks.platform.kube.KubeJson;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * JWA's list item ({@code notebook_dict_from_k8s_obj}) and status ({@code processed_status}), never failing on a
 * notebook without requests, mounts or status (kubeflow/kubeflow#6607).
 */
final class NotebookItems {

    private NotebookItems() {}

    static Map<String, Object> item(
            Notebook notebook, List<CoreV1Event> events, SpawnerConfig config, CatalogImages catalog, Instant now) {
        Optional<V1Container> server = notebook.serverContainer();
        String image = server.map(V1Container::getImage).orElse("");
        Map<String, Object> item = new LinkedHashMap<>();
        item.put("name", notebook.name());
        item.put("namespace", notebook.namespace());
        item.put(
                "serverType",
                notebook.annotation(NotebookAnnotations.SERVER_TYPE).orElse(null));
        item.put(
                "age",
                notebook.getMetadata().getCreationTimestamp() == null
                        ? null
                        : notebook.getMetadata().getCreationTimestamp().toString());
        item.put(
                "last_activity",
                notebook.annotation(NotebookAnnotations.LAST_ACTIVITY).orElse(""));
        item.put("image", image);
        item.put("shortImage", image.substring(image.lastIndexOf('/') + 1));
        item.put("imageCheck", imageCheck(notebook, catalog));
        item.put("cpu", request(server, "cpu"));
        item.put("memory", request(server, "memory"));
        item.put("gpus", gpus(server, config));
        item.put(
                "volumes",
                server.map(V1Container::getVolumeMounts).orElse(List.of()).stream()
                        .filter(Objects::nonNull)
                        .map(V1VolumeMount::getName)
                        .toList());
        item.put("status", status(notebook, events, now));
        item.put("metadata", raw(notebook.getMetadata()));
        return item;
    }

    /** The catalog's check of the notebook's image, and whether (and by whom) a failure was overridden. */
    static Map<String, Object> imageCheck(Notebook notebook, CatalogImages catalog) {
        String image = notebook.serverContainer().map(V1Container::getImage).orElse("");
        return ImageCheckView.of(
                        catalog,
                        image,
                        notebook.annotation(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY)
                                .orElse(null))
                .asMap();
    }

    static Map<String, Object> status(Notebook notebook, List<CoreV1Event> events, Instant now) {
        ListPhase phase = ListPhases.of(notebook, events, now);
        Map<String, Object> status = new LinkedHashMap<>();
        status.put("phase", phase.phase());
        status.put("message", phase.message());
        status.put("state", phase.state() == null ? "" : phase.state());
        return status;
    }

    /** The Events about the notebook itself (those the reconciler re-issues from its pod and StatefulSet). */
    static List<CoreV1Event> about(Notebook notebook, List<CoreV1Event> events) {
        return events.stream()
                .filter(event -> event.getInvolvedObject() != null
                        && Notebook.KIND.equals(event.getInvolvedObject().getKind())
                        && notebook.name().equals(event.getInvolvedObject().getName()))
                .toList();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> raw(Object kubernetesObject) {
        return KubeJson.gson().fromJson(KubeJson.gson().toJson(kubernetesObject), Map.class);
    }

    private static String request(Optional<V1Container> server, String resource) {
        return server.map(V1Container::getResources)
                .map(resources -> resources.getRequests())
                .map(requests -> requests.get(resource))
                .map(Quantity::toSuffixedString)
                .orElse(null);
    }

    private static Map<String, Object> gpus(Optional<V1Container> server, SpawnerConfig config) {
        Map<String, Quantity> limits = server.map(V1Container::getResources)
                .map(resources -> resources.getLimits())
                .orElse(Map.of());
        BigDecimal count = BigDecimal.ZERO;
        List<String> parts = new ArrayList<>();
        // a config without gpus still counts the vendors Kubeflow ships
        List<SpawnerConfig.GpuVendor> vendors = config.gpus() == null
                ? SpawnerConfig.kubeflowDefaults().gpus().vendorsOrEmpty()
                : config.gpus().vendorsOrEmpty();
        for (SpawnerConfig.GpuVendor vendor : vendors) {
            Quantity limit = limits == null ? null : limits.get(vendor.limitsKey());
            BigDecimal amount = Quantities.parse(limit).orElse(BigDecimal.ZERO);
            if (amount.signum() > 0) {
                count = count.add(amount);
                parts.add(amount.stripTrailingZeros().toPlainString() + " " + vendor.uiName());
            }
        }
        Map<String, Object> gpus = new LinkedHashMap<>();
        gpus.put("count", count.stripTrailingZeros().intValue());
        gpus.put("message", String.join(", ", parts));
        return gpus;
    }
}
