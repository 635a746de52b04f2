package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The defaults a real API server fills into built-in kinds, so that controllers compare their desired state with
 * what a cluster really returns (a StatefulSet's pod template comes back with {@code dnsPolicy},
 * {@code terminationMessagePath}, {@code imagePullPolicy}, ...; a Service with a {@code clusterIP}).
 */
final class Defaults {

    private final AtomicInteger nextClusterIp = new AtomicInteger(1);

    /** Fills defaults into {@code object} (a create, or an update whose previous state is {@code previous}). */
    void apply(ResourceType type, ObjectNode object, JsonNode previous) {
        if (type.custom()) {
            return;
        }
        ObjectNode spec = object.get("spec") instanceof ObjectNode s ? s : null;
        switch (type.group() + "/" + type.plural()) {
            case "/namespaces" -> namespace(object, previous);
            case "/pods" -> {
                if (spec != null) {
                    podSpec(spec);
                    if (previous == null) {
                        requestsFromLimits(spec);
                    }
                }
                if (previous == null) {
                    Json.objectAt(object, "status").put("phase", "Pending").put("qosClass", qosClass(spec));
                }
            }
            case "/services" -> {
                if (spec != null) {
                    service(spec, previous);
                }
            }
            case "/persistentvolumeclaims" -> {
                if (spec != null && !spec.has("volumeMode")) {
                    spec.put("volumeMode", "Filesystem");
                }
                if (previous == null) {
                    Json.objectAt(object, "status").put("phase", "Pending");
                }
            }
            case "/secrets" -> {
                if (!object.has("type")) {
                    object.put("type", "Opaque");
                }
            }
            case "apps/statefulsets" -> {
                if (spec != null) {
                    statefulSet(spec);
                }
            }
            case "apps/deployments" -> {
                if (spec != null) {
                    deployment(spec);
                }
            }
            default -> {}
        }
    }

    private static void namespace(ObjectNode namespace, JsonNode previous) {
        String name = Json.text(namespace, "metadata", "name");
        Json.objectAt(Json.metadata(namespace), "labels").put("kubernetes.io/metadata.name", name);
        ObjectNode spec = Json.objectAt(namespace, "spec");
        if (previous == null && !spec.has("finalizers")) {
            spec.putArray("finalizers").add("kubernetes");
        }
        if (previous == null) {
            Json.objectAt(namespace, "status").put("phase", "Active");
        }
    }

    private static void statefulSet(ObjectNode spec) {
        putIfAbsent(spec, "replicas", 1);
        putIfAbsent(spec, "podManagementPolicy", "OrderedReady");
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        if (!spec.has("updateStrategy")) {
            spec.putObject("updateStrategy")
                    .put("type", "RollingUpdate")
                    .putObject("rollingUpdate")
                    .put("partition", 0);
        }
        if (!spec.has("persistentVolumeClaimRetentionPolicy")) {
            spec.putObject("persistentVolumeClaimRetentionPolicy")
                    .put("whenDeleted", "Retain")
                    .put("whenScaled", "Retain");
        }
        for (JsonNode claim : spec.path("volumeClaimTemplates")) {
            if (claim.get("spec") instanceof ObjectNode claimSpec && !claimSpec.has("volumeMode")) {
                claimSpec.put("volumeMode", "Filesystem");
            }
        }
        template(spec);
    }

    private static void deployment(ObjectNode spec) {
        putIfAbsent(spec, "replicas", 1);
        putIfAbsent(spec, "revisionHistoryLimit", 10);
        putIfAbsent(spec, "progressDeadlineSeconds", 600);
        if (!spec.has("strategy")) {
            spec.putObject("strategy")
                    .put("type", "RollingUpdate")
                    .putObject("rollingUpdate")
                    .put("maxUnavailable", "25%")
                    .put("maxSurge", "25%");
        }
        template(spec);
    }

    private static void template(ObjectNode spec) {
        if (spec.get("template") instanceof ObjectNode template && template.get("spec") instanceof ObjectNode podSpec) {
            podSpec(podSpec);
        }
    }

    static void podSpec(ObjectNode spec) {
        putIfAbsent(spec, "restartPolicy", "Always");
        putIfAbsent(spec, "terminationGracePeriodSeconds", 30);
        putIfAbsent(spec, "dnsPolicy", "ClusterFirst");
        putIfAbsent(spec, "schedulerName", "default-scheduler");
        if (!spec.has("securityContext")) {
            spec.putObject("securityContext");
        }
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode container : spec.path(list)) {
                if (container instanceof ObjectNode c) {
                    container(c);
                }
            }
        }
        for (JsonNode volume : spec.path("volumes")) {
            for (String source : new String[] {"configMap", "secret", "projected"}) {
                if (volume.get(source) instanceof ObjectNode configured) {
                    putIfAbsent(configured, "defaultMode", 420);
                }
            }
        }
    }

    /** As a server defaults a pod (not a template): a limit without a request is also the request. */
    private static void requestsFromLimits(ObjectNode spec) {
        for (String list : new String[] {"containers", "initContainers"}) {
            for (JsonNode container : spec.path(list)) {
                JsonNode limits = container.path("resources").path("limits");
                if (limits.isObject()
                        && !limits.isEmpty()
                        && container.get("resources") instanceof ObjectNode resources) {
                    ObjectNode requests = Json.objectAt(resources, "requests");
                    limits.fields().forEachRemaining(limit -> {
                        if (!requests.has(limit.getKey())) {
                            requests.set(limit.getKey(), limit.getValue().deepCopy());
                        }
                    });
                }
            }
        }
    }

    private static void container(ObjectNode container) {
        putIfAbsent(container, "terminationMessagePath", "/dev/termination-log");
        putIfAbsent(container, "terminationMessagePolicy", "File");
        if (!container.has("imagePullPolicy")) {
            container.put("imagePullPolicy", pullsAlways(container.path("image").asText()) ? "Always" : "IfNotPresent");
        }
        if (!container.has("resources")) {
            container.putObject("resources");
        }
        for (JsonNode port : container.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
            }
        }
    }

    /** As Kubernetes: images without a tag or tagged {@code latest} are pulled every time. */
    private static boolean pullsAlways(String image) {
        if (image.contains("@")) {
            return false;
        }
        int slash = image.lastIndexOf('/');
        int colon = image.lastIndexOf(':');
        return colon <= slash || image.substring(colon + 1).equals("latest");
    }

    private void service(ObjectNode spec, JsonNode previous) {
        putIfAbsent(spec, "type", "ClusterIP");
        putIfAbsent(spec, "sessionAffinity", "None");
        putIfAbsent(spec, "internalTrafficPolicy", "Cluster");
        putIfAbsent(spec, "ipFamilyPolicy", "SingleStack");
        if (!spec.has("ipFamilies")) {
            spec.putArray("ipFamilies").add("IPv4");
        }
        if (!spec.has("clusterIP")) {
            String kept = previous == null ? "" : Json.text(previous, "spec", "clusterIP");
            spec.put("clusterIP", kept.isEmpty() ? clusterIp() : kept);
        }
        if (!spec.has("clusterIPs") && !spec.path("clusterIP").asText().equals("None")) {
            spec.putArray("clusterIPs").add(spec.path("clusterIP").asText());
        }
        for (JsonNode port : spec.path("ports")) {
            if (port instanceof ObjectNode p) {
                putIfAbsent(p, "protocol", "TCP");
                if (!p.has("targetPort") && p.has("port")) {
                    p.set("targetPort", p.get("port").deepCopy());
                }
            }
        }
    }

    private String clusterIp() {
        int n = nextClusterIp.getAndIncrement();
        return "10.96." + (n / 250) + "." + (n % 250 + 2);
    }

    private static String qosClass(ObjectNode spec) {
        if (spec == null) {
            return "BestEffort";
        }
        boolean any = false;
        boolean guaranteed = true;
        for (JsonNode container : spec.path("containers")) {
            JsonNode requests = container.path("resources").path("requests");
            JsonNode limits = container.path("resources").path("limits");
            any |= !requests.isEmpty() || !limits.isEmpty();
            for (String resource : new String[] {"cpu", "memory"}) {
                JsonNode limit = limits.get(resource);
                JsonNode request = requests.get(resource);
                guaranteed &=
                        limit != null && (request == null || request.asText().equals(limit.asText()));
            }
        }
        return !any ? "BestEffort" : guaranteed ? "Guaranteed" : "Burstable";
    }

    private static void putIfAbsent(ObjectNode node, String name, Object value) {
        if (node.has(name)) {
            return;
        }
        if (value instanceof Integer number) {
            node.put(name, number);
        } else {
            node.put(name, value.toString());
        }
    }

    static boolean isEmptyList(JsonNode node) {
        return node == null || (node instanceof ArrayNode list && list.isEmpty());
    }
}
