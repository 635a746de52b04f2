package dev.notebooks.notebook.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import dev.notebooks.notebook.domain.spawner.SpawnerServerType;
import dev.notebooks.platform.events.EventJson;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookResources;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ResourceRequirements;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** What every notebook event says about the notebook: its server's image, type, resources and volumes. */
public final class NotebookSpecs {

    /** The extended resources JWA's spawner offers as GPUs (its config's {@code gpus.vendors[].limitsKey}). */
    static final List<String> GPU_RESOURCES = List.of("nvidia.com/gpu", "amd.com/gpu", "habana.ai/gaudi");

    private static final String NONE = "0";

    private NotebookSpecs() {}

    /**
     * @param image the server container's image ({@code ""} when it has none)
     * @param volumes the PersistentVolumeClaims it mounts, the one at {@code /home/jovyan} first
     */
    public record Spec(String image, ServerType serverType, NotebookResources resources, List<String> volumes) {

        public Spec {
            volumes = List.copyOf(volumes);
        }
    }

    public static Spec of(Notebook notebook) {
        Optional<V1Container> server = notebook.containers().stream()
                .filter(c -> c != null && Objects.equals(c.getName(), notebook.name()))
                .findFirst()
                .or(notebook::serverContainer);
        String image = server.map(V1Container::getImage).orElse("");
        ServerType type = SpawnerServerType.fromAnnotation(
                        notebook.annotations().get(NotebookAnnotations.SERVER_TYPE))
                .map(SpawnerServerType::serverType)
                .orElse(ServerType.JUPYTER);
        return new Spec(image, type, resources(server.map(V1Container::getResources)), volumes(notebook, server));
    }

    private static NotebookResources resources(Optional<V1ResourceRequirements> requirements) {
        Map<String, Quantity> requests =
                requirements.map(V1ResourceRequirements::getRequests).orElse(Map.of());
        Map<String, Quantity> limits =
                requirements.map(V1ResourceRequirements::getLimits).orElse(Map.of());
        Gpu gpu = Gpu.none();
        for (String vendor : GPU_RESOURCES) {
            Quantity count = limits.get(vendor);
            if (count != null && count.getNumber().intValue() > 0) {
                gpu = new Gpu(count.getNumber().intValue(), vendor);
                break;
            }
        }
        return new NotebookResources(
                // a Notebook without requests (written by hand) asks for nothing; limits alone are the request then
                quantity(requests.getOrDefault("cpu", limits.get("cpu"))).orElse(NONE),
                quantity(requests.getOrDefault("memory", limits.get("memory"))).orElse(NONE),
                quantity(limits.get("cpu")).orElse(null),
                quantity(limits.get("memory")).orElse(null),
                gpu);
    }

    /** Kubernetes' canonical form ({@code 0.5} is {@code 500m}), as the events' schema wants it. */
    private static Optional<String> quantity(Quantity quantity) {
        return Optional.ofNullable(quantity).map(Quantity::toSuffixedString);
    }

    private static List<String> volumes(Notebook notebook, Optional<V1Container> server) {
        Map<String, String> claims = new java.util.LinkedHashMap<>();
        for (V1Volume volume :
                Optional.ofNullable(notebook.podSpec().getVolumes()).orElse(List.of())) {
            if (volume != null && volume.getPersistentVolumeClaim() != null) {
                claims.put(volume.getName(), volume.getPersistentVolumeClaim().getClaimName());
            }
        }
        List<String> ordered = new ArrayList<>();
        List<V1VolumeMount> mounts = server.map(V1Container::getVolumeMounts).orElse(List.of());
        mounts.stream()
                .filter(mount -> mount != null && NotebookPodTemplate.WORKING_DIR.equals(mount.getMountPath()))
                .map(mount -> claims.get(mount.getName()))
                .filter(Objects::nonNull)
                .findFirst()
                .ifPresent(ordered::add);
        claims.values().stream()
                .filter(claim -> claim != null && !ordered.contains(claim))
                .forEach(ordered::add);
        return ordered;
    }

    static String json(Spec spec) {
        try {
            return EventJson.MAPPER.writeValueAsString(spec);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Spec parse(String json) {
        try {
            return EventJson.MAPPER.readValue(json, Spec.class);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
