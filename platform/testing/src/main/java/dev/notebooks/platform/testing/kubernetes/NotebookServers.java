package dev.notebooks.platform.testing.kubernetes;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The HTTP servers the containers of running pods would be, by image: Jupyter Server (its REST API under
 * {@code NB_PREFIX}: {@code /api}, {@code /api/status}, {@code /api/kernels}, {@code /api/terminals}), code-server
 * ({@code /healthz} with its heartbeat) and RStudio ({@code /}, no activity API). Their activity (kernels, terminals,
 * heartbeat) is what a test or a person sets for a pod through {@code PUT /simulation/v1/namespaces/{ns}/pods/{pod}/activity};
 * a pod starts with none, as a freshly started server.
 */
final class NotebookServers {

    /** Where code-server counts a heartbeat as alive, as its {@code heart.ts}. */
    private static final long HEARTBEAT_INTERVAL_MILLIS = 60_000;

    private static final String JUPYTER_SERVER_VERSION = "2.14.2";

    enum Kind {
        JUPYTER,
        CODE_SERVER,
        RSTUDIO,
        NONE
    }

    /** What a simulated server answers. */
    record Answer(int status, String contentType, String body) {

        static Answer json(int status, JsonNode body) {
            return new Answer(status, "application/json", Json.write(body));
        }

        static Answer html(int status, String title) {
            return new Answer(
                    status,
                    "text/html; charset=UTF-8",
                    "<!DOCTYPE html><html><head><title>" + title + "</title></head><body></body></html>");
        }

        byte[] bytes() {
            return body.getBytes(StandardCharsets.UTF_8);
        }
    }

    private final WorkloadSettings.NotebookServerImages images;
    private final Clock clock;
    private final Map<String, ObjectNode> activityByPodUid = new ConcurrentHashMap<>();

    NotebookServers(WorkloadSettings.NotebookServerImages images) {
        this(images, Clock.systemUTC());
    }

    NotebookServers(WorkloadSettings.NotebookServerImages images, Clock clock) {
        this.images = images;
        this.clock = clock;
    }

    Kind kindOf(String image) {
        if (images.codeServer().matcher(image).matches()) {
            return Kind.CODE_SERVER;
        }
        if (images.rstudio().matcher(image).matches()) {
            return Kind.RSTUDIO;
        }
        if (images.jupyter().matcher(image).matches()) {
            return Kind.JUPYTER;
        }
        return Kind.NONE;
    }

    /** The activity set for a pod, in the shape the setting call takes: kernels, terminals, lastHeartbeat. */
    ObjectNode activity(JsonNode pod) {
        ObjectNode set = activityByPodUid.get(Json.text(pod, "metadata", "uid"));
        ObjectNode activity = Json.object();
        activity.set("kernels", kernels(set));
        activity.set(
                "terminals",
                set != null && set.path("terminals").isArray()
                        ? set.get("terminals").deepCopy()
                        : Json.array());
        activity.put(
                "lastHeartbeat", set == null ? 0 : set.path("lastHeartbeat").asLong(0));
        return activity;
    }

    /** Replaces a pod's activity; missing parts are none. */
    ObjectNode setActivity(JsonNode pod, JsonNode activity) {
        activityByPodUid.put(Json.text(pod, "metadata", "uid"), activity.deepCopy());
        return activity(pod);
    }

    void forget(String podUid) {
        activityByPodUid.remove(podUid);
    }

    /** What the server in {@code container} of {@code pod} answers to {@code method path} (path without the query). */
    Answer answer(JsonNode pod, JsonNode container, String method, String path) {
        Kind kind = kindOf(container.path("image").asText());
        return switch (kind) {
            case JUPYTER -> jupyter(pod, container, method, path);
            case CODE_SERVER -> codeServer(pod, path);
            case RSTUDIO ->
                path.equals("/") || path.isEmpty()
                        ? Answer.html(200, "RStudio Server")
                        : new Answer(404, "text/plain", "Not Found");
            case NONE ->
                throw new IllegalStateException(
                        "no server in " + container.path("name").asText());
        };
    }

    private Answer jupyter(JsonNode pod, JsonNode container, String method, String path) {
        String prefix = nbPrefix(container);
        if (!path.startsWith(prefix)) {
            return Answer.html(404, "404 : Not Found");
        }
        String local = path.substring(prefix.length());
        if (local.length() > 1 && local.endsWith("/")) {
            local = local.substring(0, local.length() - 1);
        }
        ObjectNode activity = activity(pod);
        if (!method.equals("GET") && local.startsWith("/api")) {
            return Answer.json(
                    405, Json.object().put("message", "Method Not Allowed").putNull("reason"));
        }
        switch (local) {
            case "/api":
                return Answer.json(200, Json.object().put("version", JUPYTER_SERVER_VERSION));
            case "/api/status": {
                String started = started(pod, container);
                String last = started;
                int connections = 0;
                for (JsonNode kernel : activity.path("kernels")) {
                    connections += kernel.path("connections").asInt(0);
                    last = latest(last, kernel.path("last_activity").asText(""));
                }
                for (JsonNode terminal : activity.path("terminals")) {
                    last = latest(last, terminal.path("last_activity").asText(""));
                }
                return Answer.json(
                        200,
                        Json.object()
                                .put("connections", connections)
                                .put("kernels", activity.path("kernels").size())
                                .put("last_activity", last)
                                .put("started", started));
            }
            case "/api/kernels":
                return Answer.json(200, activity.get("kernels"));
            case "/api/terminals":
                return Answer.json(200, activity.get("terminals"));
            default:
                break;
        }
        if (local.startsWith("/api/kernels/")) {
            String id = local.substring("/api/kernels/".length());
            for (JsonNode kernel : activity.path("kernels")) {
                if (kernel.path("id").asText().equals(id)) {
                    return Answer.json(200, kernel);
                }
            }
            return Answer.json(
                    404,
                    Json.object().put("message", "Kernel does not exist: " + id).putNull("reason"));
        }
        if (local.startsWith("/api")) {
            return Answer.json(404, Json.object().put("message", "Not Found").putNull("reason"));
        }
        return Answer.html(200, "JupyterLab");
    }

    private Answer codeServer(JsonNode pod, String path) {
        if (path.equals("/healthz")) {
            long heartbeat = activity(pod).path("lastHeartbeat").asLong(0);
            boolean alive = clock.millis() - heartbeat < HEARTBEAT_INTERVAL_MILLIS;
            return Answer.json(
                    200,
                    Json.object().put("status", alive ? "alive" : "expired").put("lastHeartbeat", heartbeat));
        }
        return path.equals("/") || path.isEmpty()
                ? Answer.html(200, "code-server")
                : new Answer(404, "text/plain", "Cannot GET " + path);
    }

    /** A few lines of what the server logs on start. */
    List<String> log(JsonNode pod, JsonNode container) {
        String started = started(pod, container).replace('T', ' ').replace("Z", "");
        String host = Json.text(pod, "metadata", "name");
        return switch (kindOf(container.path("image").asText())) {
            case JUPYTER ->
                List.of(
                        "[I " + started + " ServerApp] jupyterlab | extension was successfully loaded.",
                        "[I " + started + " ServerApp] Serving notebooks from local directory: /home/jovyan",
                        "[I " + started + " ServerApp] Jupyter Server " + JUPYTER_SERVER_VERSION + " is running at:",
                        "[I " + started + " ServerApp] http://" + host + ":8888" + nbPrefix(container) + "/lab",
                        "[I " + started + " ServerApp] Use Control-C to stop this server and shut down all kernels.");
            case CODE_SERVER ->
                List.of(
                        "[" + started + "] info  code-server 4.96.4",
                        "[" + started + "] info  Using config file /home/jovyan/.config/code-server/config.yaml",
                        "[" + started + "] info  HTTP server listening on http://0.0.0.0:8888/",
                        "[" + started + "] info    - Authentication is disabled");
            case RSTUDIO ->
                List.of(
                        "[s6-init] making user provided files available at /var/run/s6/etc...exited 0.",
                        "[services.d] starting services",
                        "[services.d] done.");
            case NONE ->
                List.of("simulated container " + container.path("name").asText() + " started from image "
                        + container.path("image").asText() + " at " + started);
        };
    }

    private ArrayNode kernels(ObjectNode set) {
        ArrayNode kernels = Json.array();
        if (set == null) {
            return kernels;
        }
        for (JsonNode given : set.path("kernels")) {
            ObjectNode kernel = Json.object()
                    .put(
                            "id",
                            given.path("id")
                                    .asText(UUID.nameUUIDFromBytes(
                                                    given.toString().getBytes(StandardCharsets.UTF_8))
                                            .toString()))
                    .put("name", given.path("name").asText("python3"))
                    .put(
                            "last_activity",
                            given.path("last_activity")
                                    .asText(Instant.now(clock).toString()))
                    .put("execution_state", given.path("execution_state").asText("idle"))
                    .put("connections", given.path("connections").asInt(0));
            kernels.add(kernel);
        }
        return kernels;
    }

    static String nbPrefix(JsonNode container) {
        for (JsonNode env : container.path("env")) {
            if (env.path("name").asText().equals("NB_PREFIX")) {
                String prefix = env.path("value").asText("");
                return prefix.endsWith("/") ? prefix.substring(0, prefix.length() - 1) : prefix;
            }
        }
        return "";
    }

    private static String started(JsonNode pod, JsonNode container) {
        for (JsonNode status : pod.path("status").path("containerStatuses")) {
            if (status.path("name").asText().equals(container.path("name").asText())) {
                String startedAt =
                        status.path("state").path("running").path("startedAt").asText("");
                if (!startedAt.isEmpty()) {
                    return startedAt;
                }
            }
        }
        return Json.text(pod, "status", "startTime");
    }

    private static String latest(String a, String b) {
        if (b.isEmpty()) {
            return a;
        }
        if (a.isEmpty()) {
            return b;
        }
        try {
            return Instant.parse(a).isBefore(Instant.parse(b)) ? b : a;
        } catch (RuntimeException notIso) {
            return a;
        }
    }
}
