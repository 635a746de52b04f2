package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The kubelets of the simulated nodes: each pod bound to one of them moves through {@link PodStages}, one stage at a
 * time, each after its delay, writing the pod's status and the Events a kubelet records.
 */
final class Kubelet {

    private final Workloads workloads;
    private final ComponentClient client;
    private final SimulatedNodes nodes;
    private final List<Stage> stages;

    Kubelet(Workloads workloads, ComponentClient client, SimulatedNodes nodes) {
        this.workloads = workloads;
        this.client = client;
        this.nodes = nodes;
        this.stages = new PodStages(workloads.settings().failingImages(), client::now, nodes::hostIp).stages();
    }

    void start() {
        workloads.watch(Kinds.PODS, change -> {
            if (change.type().equals("DELETED")) {
                workloads.servers().forget(Json.text(change.object(), "metadata", "uid"));
            } else if (nodes.hasKubelet(change.object())) {
                next(change.object());
            }
        });
    }

    private void next(ObjectNode pod) {
        stageFor(pod).ifPresent(stage -> {
            String uid = Json.text(pod, "metadata", "uid");
            workloads.after(
                    stage.delay().apply(workloads.settings().timing()),
                    "kubelet/" + uid + "/" + stage.name(),
                    () -> apply(pod, stage));
        });
    }

    private Optional<Stage> stageFor(ObjectNode pod) {
        return stages.stream().filter(stage -> stage.selects(pod)).findFirst();
    }

    private void apply(ObjectNode seen, Stage stage) throws ApiError {
        ObjectNode pod = client.get(
                        Kinds.PODS, Json.text(seen, "metadata", "namespace"), Json.text(seen, "metadata", "name"))
                .filter(current -> Json.text(current, "metadata", "uid").equals(Json.text(seen, "metadata", "uid")))
                .orElse(null);
        if (pod == null || stageFor(pod).filter(stage::equals).isEmpty()) {
            return;
        }
        ObjectNode status = stage.next().status().apply(pod);
        List<Stage.Event> events = stage.next().events().apply(pod);
        Optional<ObjectNode> written = Optional.of(pod);
        if (status != null) {
            written = client.changeStatus(Kinds.PODS, pod, current -> {
                current.set("status", status);
                return current;
            });
        }
        for (Stage.Event event : events) {
            ObjectNode involved = written.orElse(pod);
            if (event.container().isEmpty()) {
                if (event.type().equals("Warning")) {
                    client.warning(involved, event.reason(), event.message());
                } else {
                    client.normal(involved, event.reason(), event.message());
                }
            } else {
                client.containerEvent(involved, event.container(), event.type(), event.reason(), event.message());
            }
        }
        if (stage.next().delete()) {
            client.delete(Kinds.PODS, pod, 0L);
        }
    }
}
