package dev.notebooks.platform.testing.kubernetes;

import static dev.notebooks.platform.testing.kubernetes.Stage.Expression.doesNotExist;
import static dev.notebooks.platform.testing.kubernetes.Stage.Expression.exists;
import static dev.notebooks.platform.testing.kubernetes.Stage.Expression.in;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.function.Supplier;
import java.util.regex.Pattern;

/**
 * A pod's life on a simulated kubelet, as stages (KWOK's {@code kustomize/stage/pod/general} with image pulls):
 *
 * <ol>
 *   <li>{@code pod-accepted}: a bound pod gets its sandbox (host and pod IP, start time, conditions
 *       {@code PodReadyToStartContainers}, {@code Initialized}, {@code Ready=False}, {@code ContainersReady=False}),
 *       its containers wait in {@code ContainerCreating}, and the kubelet starts pulling ({@code Pulling});
 *   <li>{@code pod-image-pull-failed}: an image matching the failing pattern ends in {@code ErrImagePull}
 *       ({@code Failed} Events);
 *   <li>{@code pod-image-pull-backoff}: then {@code ImagePullBackOff} ({@code BackOff}, {@code Failed});
 *   <li>{@code pod-running}: pulled images run ({@code Pulled}, {@code Created}, {@code Started}); the pod is
 *       {@code Running} and, with every container ready, {@code Ready};
 *   <li>{@code pod-stopping}: a deleted pod's running containers are stopped ({@code Killing});
 *   <li>{@code pod-delete}: then the kubelet deletes it for good (grace period 0).
 * </ol>
 */
final class PodStages {

    private static final String DELETING = ".metadata.deletionTimestamp";
    private static final String WAITING_REASON = ".status.containerStatuses[].state.waiting.reason";

    private final Pattern failingImages;
    private final Supplier<String> now;
    private final Function<String, String> hostIps;
    private final AtomicInteger addresses = new AtomicInteger();

    /** {@code hostIps} gives a node's InternalIP by its name. */
    PodStages(Pattern failingImages, Supplier<String> now, Function<String, String> hostIps) {
        this.failingImages = failingImages;
        this.now = now;
        this.hostIps = hostIps;
    }

    List<Stage> stages() {
        return List.of(
                new Stage(
                        "pod-accepted",
                        List.of(exists(".spec.nodeName"), doesNotExist(DELETING), doesNotExist(".status.startTime")),
                        pod -> true,
                        WorkloadSettings.WorkloadTiming::sandbox,
                        new Stage.Next(this::accepted, this::pulling, false)),
                new Stage(
                        "pod-image-pull-failed",
                        List.of(doesNotExist(DELETING), in(WAITING_REASON, "ContainerCreating")),
                        pod -> !creating(pod, true).isEmpty(),
                        WorkloadSettings.WorkloadTiming::imagePull,
                        new Stage.Next(this::pullFailed, this::pullFailedEvents, false)),
                new Stage(
                        "pod-image-pull-backoff",
                        List.of(doesNotExist(DELETING), in(WAITING_REASON, "ErrImagePull")),
                        pod -> true,
                        WorkloadSettings.WorkloadTiming::imagePullBackOff,
                        new Stage.Next(this::backOff, this::backOffEvents, false)),
                new Stage(
                        "pod-running",
                        List.of(doesNotExist(DELETING), in(WAITING_REASON, "ContainerCreating")),
                        pod -> !creating(pod, false).isEmpty(),
                        timing -> timing.imagePull().plus(timing.containerStart()),
                        new Stage.Next(this::running, this::startedEvents, false)),
                new Stage(
                        "pod-stopping",
                        List.of(exists(DELETING), exists(".status.containerStatuses[].state.running")),
                        pod -> true,
                        timing -> Duration.ZERO,
                        new Stage.Next(this::stopped, this::killingEvents, false)),
                new Stage(
                        "pod-delete",
                        List.of(exists(DELETING), doesNotExist(".status.containerStatuses[].state.running")),
                        pod -> true,
                        WorkloadSettings.WorkloadTiming::containerStop,
                        new Stage.Next(pod -> null, pod -> List.of(), true)));
    }

    // ---- next statuses ----

    private ObjectNode accepted(ObjectNode pod) {
        String at = now.get();
        ObjectNode status = pod.path("status").deepCopy();
        int n = addresses.incrementAndGet();
        String podIp = "10.244." + (n / 250) + "." + (n % 250 + 2);
        status.put("phase", "Pending")
                .put("hostIP", hostIp(pod))
                .put("podIP", podIp)
                .put("startTime", at);
        status.putArray("hostIPs").addObject().put("ip", hostIp(pod));
        status.putArray("podIPs").addObject().put("ip", podIp);
        PodConditions conditions = new PodConditions(status, at);
        conditions.set("PodReadyToStartContainers", "True", null, null);
        conditions.set("Initialized", "True", null, null);
        List<String> names = containerNames(pod, "containers");
        conditions.set("Ready", "False", "ContainersNotReady", unready(names));
        conditions.set("ContainersReady", "False", "ContainersNotReady", unready(names));
        conditions.order();
        ArrayNode statuses = status.putArray("containerStatuses");
        for (JsonNode container : pod.path("spec").path("containers")) {
            ObjectNode entry = statuses.addObject()
                    .put("name", container.path("name").asText())
                    .put("image", container.path("image").asText())
                    .put("imageID", "")
                    .put("ready", false)
                    .put("restartCount", 0)
                    .put("started", false);
            entry.putObject("state").putObject("waiting").put("reason", "ContainerCreating");
            entry.putObject("lastState");
        }
        if (pod.path("spec").path("initContainers").size() > 0) {
            ArrayNode inits = status.putArray("initContainerStatuses");
            for (JsonNode container : pod.path("spec").path("initContainers")) {
                ObjectNode entry = inits.addObject()
                        .put("name", container.path("name").asText())
                        .put("image", container.path("image").asText())
                        .put("imageID", imageId(container.path("image").asText()))
                        .put("containerID", containerId(pod, container))
                        .put("ready", true)
                        .put("restartCount", 0)
                        .put("started", false);
                entry.putObject("state")
                        .putObject("terminated")
                        .put("exitCode", 0)
                        .put("reason", "Completed")
                        .put("startedAt", at)
                        .put("finishedAt", at);
                entry.putObject("lastState");
            }
        }
        return status;
    }

    private ObjectNode pullFailed(ObjectNode pod) {
        ObjectNode status = pod.path("status").deepCopy();
        for (ObjectNode entry : creating(status, pod, true)) {
            entry.putObject("state")
                    .putObject("waiting")
                    .put("reason", "ErrImagePull")
                    .put("message", pullError(entry.path("image").asText()));
        }
        return status;
    }

    private ObjectNode backOff(ObjectNode pod) {
        ObjectNode status = pod.path("status").deepCopy();
        for (JsonNode entry : status.path("containerStatuses")) {
            if (entry.path("state").path("waiting").path("reason").asText().equals("ErrImagePull")) {
                ((ObjectNode) entry)
                        .putObject("state")
                        .putObject("waiting")
                        .put("reason", "ImagePullBackOff")
                        .put(
                                "message",
                                "Back-off pulling image \""
                                        + entry.path("image").asText() + "\"");
            }
        }
        return status;
    }

    private ObjectNode running(ObjectNode pod) {
        String at = now.get();
        ObjectNode status = pod.path("status").deepCopy();
        for (ObjectNode entry : creating(status, pod, false)) {
            String image = entry.path("image").asText();
            JsonNode container = container(pod, entry.path("name").asText());
            entry.put("imageID", imageId(image))
                    .put("containerID", containerId(pod, container))
                    .put("ready", true)
                    .put("started", true);
            entry.putObject("state").putObject("running").put("startedAt", at);
        }
        List<String> unready = new ArrayList<>();
        boolean allRunning = true;
        for (JsonNode entry : status.path("containerStatuses")) {
            if (!entry.path("ready").asBoolean()) {
                unready.add(entry.path("name").asText());
            }
            allRunning &= entry.path("state").has("running");
        }
        if (allRunning) {
            status.put("phase", "Running");
        }
        PodConditions conditions = new PodConditions(status, at);
        if (unready.isEmpty()) {
            conditions.set("ContainersReady", "True", null, null);
            conditions.set("Ready", "True", null, null);
        } else {
            conditions.set("ContainersReady", "False", "ContainersNotReady", unready(unready));
            conditions.set("Ready", "False", "ContainersNotReady", unready(unready));
        }
        return status;
    }

    private ObjectNode stopped(ObjectNode pod) {
        String at = now.get();
        ObjectNode status = pod.path("status").deepCopy();
        List<String> names = new ArrayList<>();
        for (JsonNode entry : status.path("containerStatuses")) {
            JsonNode running = entry.path("state").path("running");
            if (!running.isMissingNode()) {
                ObjectNode terminated = ((ObjectNode) entry)
                        .put("ready", false)
                        .put("started", false)
                        .putObject("state")
                        .putObject("terminated")
                        .put("exitCode", 0)
                        .put("reason", "Completed")
                        .put("startedAt", running.path("startedAt").asText())
                        .put("finishedAt", at);
                terminated.put("containerID", entry.path("containerID").asText());
            }
            names.add(entry.path("name").asText());
        }
        PodConditions conditions = new PodConditions(status, at);
        conditions.set("PodReadyToStartContainers", "False", null, null);
        conditions.set("ContainersReady", "False", "PodCompleted", null);
        conditions.set("Ready", "False", "PodCompleted", null);
        return status;
    }

    // ---- events ----

    private List<Stage.Event> pulling(ObjectNode pod) {
        List<Stage.Event> events = new ArrayList<>();
        for (JsonNode container : pod.path("spec").path("containers")) {
            String image = container.path("image").asText();
            events.add(
                    Stage.Event.normal(container.path("name").asText(), "Pulling", "Pulling image \"" + image + "\""));
        }
        return events;
    }

    private List<Stage.Event> pullFailedEvents(ObjectNode pod) {
        List<Stage.Event> events = new ArrayList<>();
        for (ObjectNode entry : creating(pod.path("status").deepCopy(), pod, true)) {
            String name = entry.path("name").asText();
            String image = entry.path("image").asText();
            events.add(
                    Stage.Event.warning(name, "Failed", "Failed to pull image \"" + image + "\": " + pullError(image)));
            events.add(Stage.Event.warning(name, "Failed", "Error: ErrImagePull"));
        }
        return events;
    }

    private List<Stage.Event> backOffEvents(ObjectNode pod) {
        List<Stage.Event> events = new ArrayList<>();
        for (JsonNode entry : pod.path("status").path("containerStatuses")) {
            if (entry.path("state").path("waiting").path("reason").asText().equals("ErrImagePull")) {
                String name = entry.path("name").asText();
                events.add(Stage.Event.normal(
                        name,
                        "BackOff",
                        "Back-off pulling image \"" + entry.path("image").asText() + "\""));
                events.add(Stage.Event.warning(name, "Failed", "Error: ImagePullBackOff"));
            }
        }
        return events;
    }

    private List<Stage.Event> startedEvents(ObjectNode pod) {
        List<Stage.Event> events = new ArrayList<>();
        for (ObjectNode entry : creating(pod.path("status").deepCopy(), pod, false)) {
            String name = entry.path("name").asText();
            String image = entry.path("image").asText();
            events.add(Stage.Event.normal(
                    name,
                    "Pulled",
                    "Successfully pulled image \"" + image + "\" in 1.2s (1.2s including waiting). Image size: "
                            + imageSize(image) + " bytes."));
            events.add(Stage.Event.normal(name, "Created", "Created container: " + name));
            events.add(Stage.Event.normal(name, "Started", "Started container " + name));
        }
        return events;
    }

    private List<Stage.Event> killingEvents(ObjectNode pod) {
        List<Stage.Event> events = new ArrayList<>();
        for (JsonNode entry : pod.path("status").path("containerStatuses")) {
            if (entry.path("state").has("running")) {
                String name = entry.path("name").asText();
                events.add(Stage.Event.normal(name, "Killing", "Stopping container " + name));
            }
        }
        return events;
    }

    // ---- helpers ----

    /** Container statuses (of {@code status}) waiting in ContainerCreating whose image pull fails, or succeeds. */
    private List<ObjectNode> creating(ObjectNode status, ObjectNode pod, boolean failing) {
        List<ObjectNode> found = new ArrayList<>();
        for (JsonNode entry : status.path("containerStatuses")) {
            if (entry.path("state").path("waiting").path("reason").asText().equals("ContainerCreating")
                    && fails(entry.path("image").asText()) == failing) {
                found.add((ObjectNode) entry);
            }
        }
        return found;
    }

    private List<ObjectNode> creating(ObjectNode pod, boolean failing) {
        return creating(pod.path("status").deepCopy(), pod, failing);
    }

    boolean fails(String image) {
        return failingImages.matcher(image).matches();
    }

    private static String pullError(String image) {
        String reference = qualified(image);
        return "rpc error: code = NotFound desc = failed to pull and unpack image \"" + reference
                + "\": failed to resolve reference \"" + reference + "\": " + reference + ": not found";
    }

    /** {@code jupyter:1} as containerd names it: {@code docker.io/library/jupyter:1}. */
    private static String qualified(String image) {
        String named = image.contains(":") || image.contains("@") ? image : image + ":latest";
        String first = named.split("/")[0];
        if (!named.contains("/")) {
            return "docker.io/library/" + named;
        }
        if (!first.contains(".") && !first.contains(":") && !first.equals("localhost")) {
            return "docker.io/" + named;
        }
        return named;
    }

    private static String imageId(String image) {
        String reference = qualified(image);
        int tag = reference.lastIndexOf(':');
        String repository = tag > reference.lastIndexOf('/') ? reference.substring(0, tag) : reference;
        return repository + "@sha256:" + hex(image, 64);
    }

    private static String containerId(ObjectNode pod, JsonNode container) {
        return "containerd://"
                + hex(
                        Json.text(pod, "metadata", "uid") + "/"
                                + container.path("name").asText(),
                        64);
    }

    private static long imageSize(String image) {
        return 100_000_000L + Math.floorMod(image.hashCode(), 900_000_000);
    }

    private static String hex(String seed, int length) {
        StringBuilder hex = new StringBuilder();
        long state = seed.hashCode();
        while (hex.length() < length) {
            state = state * 6364136223846793005L + 1442695040888963407L;
            hex.append(String.format("%016x", state));
        }
        return hex.substring(0, length);
    }

    private String hostIp(ObjectNode pod) {
        return hostIps.apply(Json.text(pod, "spec", "nodeName"));
    }

    private static JsonNode container(ObjectNode pod, String name) {
        for (JsonNode container : pod.path("spec").path("containers")) {
            if (container.path("name").asText().equals(name)) {
                return container;
            }
        }
        return Json.object().put("name", name);
    }

    private static List<String> containerNames(ObjectNode pod, String list) {
        List<String> names = new ArrayList<>();
        pod.path("spec")
                .path(list)
                .forEach(container -> names.add(container.path("name").asText()));
        return names;
    }

    private static String unready(List<String> names) {
        return "containers with unready status: [" + String.join(" ", names) + "]";
    }
}
