package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The API's ways into pods: a pod's {@code /log}, the service and pod proxies
 * ({@code /api/v1/namespaces/{ns}/services/[http:]{name}[:{port}]/proxy/...}, {@code .../pods/{name}[:{port}]/proxy/...})
 * to the simulated server in a ready pod behind it, and the double's own call that sets what that server reports as
 * activity: {@code GET|PUT /simulation/v1/namespaces/{ns}/pods/{pod}/activity}.
 */
final class PodHttp {

    private static final Pattern LOG = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/log");
    private static final Pattern SERVICE_PROXY =
            Pattern.compile("/api/v1/namespaces/([^/]+)/services/([^/]+)/proxy(/.*)?");
    private static final Pattern POD_PROXY = Pattern.compile("/api/v1/namespaces/([^/]+)/pods/([^/]+)/proxy(/.*)?");
    static final Pattern ACTIVITY = Pattern.compile("/simulation/v1/namespaces/([^/]+)/pods/([^/]+)/activity");
    private static final int DEFAULT_SERVER_PORT = 8888;

    private final ObjectApi api;
    private final NotebookServers servers;

    PodHttp(ObjectApi api, NotebookServers servers) {
        this.api = api;
        this.servers = servers;
    }

    Optional<ApiRequests.Reply> handle(ApiRequests.Request request, String path) throws ApiError {
        Matcher log = LOG.matcher(path);
        if (log.matches() && request.method().equals("GET")) {
            return Optional.of(log(log.group(1), log.group(2), request));
        }
        Matcher service = SERVICE_PROXY.matcher(rawPath(request.uri()));
        if (service.matches()) {
            return Optional.of(
                    serviceProxy(service.group(1), decode(service.group(2)), rest(service.group(3)), request));
        }
        Matcher pod = POD_PROXY.matcher(rawPath(request.uri()));
        if (pod.matches()) {
            return Optional.of(podProxy(pod.group(1), decode(pod.group(2)), rest(pod.group(3)), request));
        }
        Matcher activity = ACTIVITY.matcher(path);
        if (activity.matches()) {
            return Optional.of(activity(activity.group(1), activity.group(2), request));
        }
        return Optional.empty();
    }

    // ---- logs ----

    private ApiRequests.Reply log(String namespace, String name, ApiRequests.Request request) throws ApiError {
        ObjectNode pod = pod(namespace, name);
        JsonNode container = container(pod, request.parameter("container"));
        String containerName = container.path("name").asText();
        if (Json.text(pod, "spec", "nodeName").isEmpty()) {
            throw ApiError.badRequest("container \"" + containerName + "\" in pod \"" + name
                    + "\" is waiting to start: ContainerCreating");
        }
        JsonNode state = stateOf(pod, containerName);
        if (!state.has("running") && !state.has("terminated")) {
            String reason = state.path("waiting").path("reason").asText("ContainerCreating");
            String why = reason.equals("ErrImagePull") || reason.equals("ImagePullBackOff")
                    ? "trying and failing to pull image"
                    : reason;
            throw ApiError.badRequest(
                    "container \"" + containerName + "\" in pod \"" + name + "\" is waiting to start: " + why);
        }
        List<String> lines = new ArrayList<>(servers.log(pod, container));
        String tail = request.parameter("tailLines");
        if (tail != null && tail.matches("\\d+")) {
            int keep = Integer.parseInt(tail);
            lines = lines.subList(Math.max(0, lines.size() - keep), lines.size());
        }
        String body = lines.isEmpty() ? "" : String.join("\n", lines) + "\n";
        return new ApiRequests.Reply(200, "text/plain", body.getBytes(StandardCharsets.UTF_8), List.of());
    }

    // ---- proxies ----

    private ApiRequests.Reply serviceProxy(String namespace, String spec, String rest, ApiRequests.Request request)
            throws ApiError {
        String[] parts = spec.split(":");
        String name = parts.length == 3 ? parts[1] : parts[0];
        String portName = parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : "";
        ResourceType services = api.types().find(Kinds.SERVICES).orElseThrow();
        ObjectNode service = api.store()
                .read(() -> api.store().get(Kinds.SERVICES, namespace, name))
                .orElseThrow(() -> ApiError.notFound(services, name));
        JsonNode port = null;
        for (JsonNode candidate : service.path("spec").path("ports")) {
            if (portName.isEmpty()
                    || candidate.path("name").asText().equals(portName)
                    || candidate.path("port").asText().equals(portName)) {
                port = candidate;
                break;
            }
        }
        if (port == null) {
            throw unavailable("no service port \"" + portName + "\" found for service \"" + name + "\"");
        }
        JsonNode selector = service.path("spec").path("selector");
        JsonNode targetPort = port.has("targetPort") ? port.get("targetPort") : port.get("port");
        List<ObjectNode> endpoints = api.store().read(() -> api.store().list(Kinds.PODS, namespace)).stream()
                .filter(pod ->
                        selects(selector, pod) && WorkloadPods.runningAndReady(pod) && !WorkloadPods.terminating(pod))
                .toList();
        if (selector.isEmpty() || endpoints.isEmpty()) {
            throw unavailable("no endpoints available for service \"" + name + "\"");
        }
        return answer(endpoints.get(0), targetPort, rest, request);
    }

    private ApiRequests.Reply podProxy(String namespace, String spec, String rest, ApiRequests.Request request)
            throws ApiError {
        String[] parts = spec.split(":");
        String name = parts.length == 3 ? parts[1] : parts[0];
        String port = parts.length == 3 ? parts[2] : parts.length == 2 ? parts[1] : "";
        ObjectNode pod = pod(namespace, name);
        if (!Json.text(pod, "status", "phase").equals("Running")) {
            throw unavailable("pod " + name + " is not running");
        }
        JsonNode target = port.isEmpty() ? Json.NODES.numberNode(DEFAULT_SERVER_PORT) : Json.NODES.textNode(port);
        return answer(pod, target, rest, request);
    }

    private ApiRequests.Reply answer(ObjectNode pod, JsonNode targetPort, String rest, ApiRequests.Request request)
            throws ApiError {
        JsonNode container = listening(pod, targetPort);
        int number = portNumber(container, targetPort);
        if (container == null || servers.kindOf(container.path("image").asText()) == NotebookServers.Kind.NONE) {
            throw unavailable("error trying to reach service: dial tcp " + Json.text(pod, "status", "podIP") + ":"
                    + number + ": connect: connection refused");
        }
        NotebookServers.Answer answer = servers.answer(pod, container, request.method(), rest);
        return new ApiRequests.Reply(answer.status(), answer.contentType(), answer.bytes(), List.of());
    }

    /** The container that listens on the port: the one declaring it, else (Kubeflow's images) the first on 8888. */
    private static JsonNode listening(JsonNode pod, JsonNode targetPort) {
        for (JsonNode container : pod.path("spec").path("containers")) {
            for (JsonNode port : container.path("ports")) {
                if (port.path("containerPort").asText().equals(targetPort.asText())
                        || port.path("name").asText().equals(targetPort.asText())) {
                    return container;
                }
            }
        }
        JsonNode first = pod.path("spec").path("containers").path(0);
        return targetPort.asText().equals(Integer.toString(DEFAULT_SERVER_PORT)) && !first.isMissingNode()
                ? first
                : null;
    }

    private static int portNumber(JsonNode container, JsonNode targetPort) {
        if (targetPort.isInt() || targetPort.asText().matches("\\d+")) {
            return targetPort.asInt(Integer.parseInt(targetPort.asText()));
        }
        if (container != null) {
            for (JsonNode port : container.path("ports")) {
                if (port.path("name").asText().equals(targetPort.asText())) {
                    return port.path("containerPort").asInt();
                }
            }
        }
        return DEFAULT_SERVER_PORT;
    }

    private static boolean selects(JsonNode selector, JsonNode pod) {
        JsonNode labels = pod.path("metadata").path("labels");
        var entries = selector.fields();
        while (entries.hasNext()) {
            var entry = entries.next();
            if (!labels.path(entry.getKey())
                    .asText("\u0000")
                    .equals(entry.getValue().asText())) {
                return false;
            }
        }
        return true;
    }

    // ---- activity ----

    private ApiRequests.Reply activity(String namespace, String name, ApiRequests.Request request) throws ApiError {
        ObjectNode pod = pod(namespace, name);
        return switch (request.method()) {
            case "GET" -> ApiRequests.Reply.json(200, servers.activity(pod), List.of());
            case "PUT" -> {
                JsonNode body;
                try {
                    body = Json.MAPPER.readTree(request.body());
                } catch (java.io.IOException e) {
                    throw ApiError.badRequest("the activity must be JSON: " + e.getMessage());
                }
                if (body == null || !body.isObject()) {
                    throw ApiError.badRequest(
                            "the activity must be a JSON object with kernels, terminals and lastHeartbeat");
                }
                yield ApiRequests.Reply.json(200, servers.setActivity(pod, body), List.of());
            }
            default ->
                throw new ApiError(
                        405, "MethodNotAllowed", request.method() + " is not allowed on the activity of a pod");
        };
    }

    // ---- helpers ----

    private ObjectNode pod(String namespace, String name) throws ApiError {
        ResourceType pods = api.types().find(Kinds.PODS).orElseThrow();
        return api.store()
                .read(() -> api.store().get(Kinds.PODS, namespace, name))
                .orElseThrow(() -> ApiError.notFound(pods, name));
    }

    private static JsonNode container(JsonNode pod, String name) throws ApiError {
        JsonNode containers = pod.path("spec").path("containers");
        String podName = Json.text(pod, "metadata", "name");
        if (name == null || name.isEmpty()) {
            if (containers.size() == 1) {
                return containers.get(0);
            }
            List<String> names = new ArrayList<>();
            containers.forEach(container -> names.add(container.path("name").asText()));
            throw ApiError.badRequest("a container name must be specified for pod " + podName + ", choose one of: "
                    + "[" + String.join(" ", names) + "]");
        }
        for (String list : List.of("containers", "initContainers")) {
            for (JsonNode container : pod.path("spec").path(list)) {
                if (container.path("name").asText().equals(name)) {
                    return container;
                }
            }
        }
        throw ApiError.badRequest("container " + name + " is not valid for pod " + podName);
    }

    private static JsonNode stateOf(JsonNode pod, String container) {
        for (String list : List.of("containerStatuses", "initContainerStatuses")) {
            for (JsonNode status : pod.path("status").path(list)) {
                if (status.path("name").asText().equals(container)) {
                    return status.path("state");
                }
            }
        }
        return Json.object();
    }

    private static ApiError unavailable(String message) {
        return new ApiError(503, "ServiceUnavailable", message);
    }

    private static String rawPath(String uri) {
        return ApiRequests.pathOf(uri);
    }

    private static String rest(String rest) {
        return rest == null || rest.isEmpty() ? "/" : java.net.URLDecoder.decode(rest, StandardCharsets.UTF_8);
    }

    private static String decode(String segment) {
        return java.net.URLDecoder.decode(segment, StandardCharsets.UTF_8);
    }
}
