package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/** The nodes of the simulated cluster, registered as their kubelets register them: Ready, with their capacity. */
final class SimulatedNodes {

    private final ComponentClient kubelet;
    private final List<WorkloadSettings.SimulatedNode> nodes;
    private final Set<String> names;

    SimulatedNodes(ComponentClient kubelet, List<WorkloadSettings.SimulatedNode> nodes) {
        this.kubelet = kubelet;
        this.nodes = nodes;
        this.names = nodes.stream().map(WorkloadSettings.SimulatedNode::name).collect(Collectors.toSet());
    }

    /** Whether a kubelet runs {@code pod}: it is bound to one of these nodes. */
    boolean hasKubelet(JsonNode pod) {
        return names.contains(Json.text(pod, "spec", "nodeName"));
    }

    /** The node's InternalIP. */
    String hostIp(String nodeName) {
        for (int i = 0; i < nodes.size(); i++) {
            if (nodes.get(i).name().equals(nodeName)) {
                return "10.0.0." + (i + 1);
            }
        }
        return "";
    }

    void register() throws ApiError {
        int index = 0;
        for (WorkloadSettings.SimulatedNode node : nodes) {
            index++;
            ObjectNode created = kubelet.create(Kinds.NODES, null, node(node, index));
            int address = index;
            kubelet.changeStatus(Kinds.NODES, created, current -> {
                current.set("status", status(node, address));
                return current;
            });
        }
    }

    private static ObjectNode node(WorkloadSettings.SimulatedNode node, int index) {
        ObjectNode object = Json.object().put("apiVersion", "v1").put("kind", "Node");
        ObjectNode metadata = object.putObject("metadata").put("name", node.name());
        ObjectNode labels = metadata.putObject("labels");
        node.labels().forEach(labels::put);
        metadata.putObject("annotations")
                .put("node.alpha.kubernetes.io/ttl", "0")
                .put("volumes.kubernetes.io/controller-managed-attach-detach", "true");
        String cidr = "10.244." + (index - 1) + ".0/24";
        ObjectNode spec = object.putObject("spec").put("podCIDR", cidr);
        spec.putArray("podCIDRs").add(cidr);
        if (!node.taints().isEmpty()) {
            ArrayNode taints = spec.putArray("taints");
            for (WorkloadSettings.Taint taint : node.taints()) {
                ObjectNode entry = taints.addObject().put("key", taint.key());
                if (taint.value() != null && !taint.value().isEmpty()) {
                    entry.put("value", taint.value());
                }
                entry.put("effect", taint.effect());
            }
        }
        return object;
    }

    private ObjectNode status(WorkloadSettings.SimulatedNode node, int index) {
        String now = kubelet.now();
        ObjectNode status = Json.object();
        ObjectNode capacity = status.putObject("capacity");
        node.capacity().forEach(capacity::put);
        status.set("allocatable", capacity.deepCopy());
        ArrayNode conditions = status.putArray("conditions");
        condition(
                conditions,
                "MemoryPressure",
                "False",
                "KubeletHasSufficientMemory",
                "kubelet has sufficient memory available",
                now);
        condition(conditions, "DiskPressure", "False", "KubeletHasNoDiskPressure", "kubelet has no disk pressure", now);
        condition(
                conditions,
                "PIDPressure",
                "False",
                "KubeletHasSufficientPID",
                "kubelet has sufficient PID available",
                now);
        condition(conditions, "Ready", "True", "KubeletReady", "kubelet is posting ready status", now);
        ArrayNode addresses = status.putArray("addresses");
        addresses.addObject().put("type", "InternalIP").put("address", "10.0.0." + index);
        addresses.addObject().put("type", "Hostname").put("address", node.name());
        status.putObject("daemonEndpoints").putObject("kubeletEndpoint").put("Port", 10250);
        status.putObject("nodeInfo")
                .put("machineID", "")
                .put("systemUUID", "")
                .put("bootID", "")
                .put("kernelVersion", "6.1.0-simulated")
                .put("osImage", "Simulated by the notebooks Kubernetes API double")
                .put("containerRuntimeVersion", "containerd://1.7.24-simulated")
                .put("kubeletVersion", "v1.32.0")
                .put("kubeProxyVersion", "v1.32.0")
                .put("operatingSystem", "linux")
                .put("architecture", node.labels().getOrDefault("kubernetes.io/arch", "amd64"));
        status.put("phase", "Running");
        return status;
    }

    private static void condition(
            ArrayNode conditions, String type, String status, String reason, String message, String now) {
        conditions
                .addObject()
                .put("type", type)
                .put("status", status)
                .put("lastHeartbeatTime", now)
                .put("lastTransitionTime", now)
                .put("reason", reason)
                .put("message", message);
    }
}
