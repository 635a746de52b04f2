package dev.notebooks.platform.testing.kubernetes;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * What the simulated cluster components (nodes, scheduler, kubelet, controllers, volume provisioning, notebook
 * servers) look like and how fast they move. {@link #forTests()} is fast; {@link #watchable()} takes a few seconds per
 * step so a person can follow a pod with {@code kubectl get pods -w}.
 *
 * @param enabled false leaves every workload where it is written, as a bare API server does
 * @param nodes the nodes the scheduler places pods on; each has a simulated kubelet
 * @param timing how long each simulated step takes
 * @param failingImages image references the kubelet cannot pull ({@code ErrImagePull}, then {@code ImagePullBackOff})
 * @param servers which images answer as which notebook server behind the service proxy
 */
public record WorkloadSettings(
        boolean enabled,
        List<SimulatedNode> nodes,
        WorkloadTiming timing,
        Pattern failingImages,
        NotebookServerImages servers) {

    public static final Pattern DEFAULT_FAILING_IMAGES = Pattern.compile(".*does-not-exist.*");

    public WorkloadSettings {
        nodes = List.copyOf(nodes);
        Objects.requireNonNull(timing, "timing");
        Objects.requireNonNull(failingImages, "failingImages");
        Objects.requireNonNull(servers, "servers");
    }

    /**
     * One node with room for every test of a test JVM at once (the shared double outlives each test's notebooks), steps
     * of a few milliseconds.
     */
    public static WorkloadSettings forTests() {
        return new WorkloadSettings(
                true,
                List.of(SimulatedNode.forSharedTests("node-1")),
                WorkloadTiming.fast(),
                DEFAULT_FAILING_IMAGES,
                NotebookServerImages.kubeflow());
    }

    /** One default node, steps of a few seconds: the local stack's pace. */
    public static WorkloadSettings watchable() {
        return forTests().nodes(List.of(SimulatedNode.standard("node-1"))).timing(WorkloadTiming.watchable());
    }

    /** Nothing simulated: objects stay as written. */
    public static WorkloadSettings off() {
        return forTests().enabled(false);
    }

    public WorkloadSettings enabled(boolean enabled) {
        return new WorkloadSettings(enabled, nodes, timing, failingImages, servers);
    }

    public WorkloadSettings nodes(List<SimulatedNode> nodes) {
        return new WorkloadSettings(enabled, nodes, timing, failingImages, servers);
    }

    public WorkloadSettings timing(WorkloadTiming timing) {
        return new WorkloadSettings(enabled, nodes, timing, failingImages, servers);
    }

    public WorkloadSettings failingImages(Pattern failingImages) {
        return new WorkloadSettings(enabled, nodes, timing, failingImages, servers);
    }

    public WorkloadSettings servers(NotebookServerImages servers) {
        return new WorkloadSettings(enabled, nodes, timing, failingImages, servers);
    }

    /**
     * A node: its name, labels, taints and capacity (allocatable is the same).
     *
     * @param capacity quantities by resource name: {@code cpu}, {@code memory}, {@code pods}, {@code nvidia.com/gpu}, ...
     */
    public record SimulatedNode(
            String name, Map<String, String> labels, List<Taint> taints, Map<String, String> capacity) {

        public SimulatedNode {
            labels = Map.copyOf(labels);
            taints = List.copyOf(taints);
            capacity = Map.copyOf(capacity);
        }

        /** 8 cpu, 32Gi, 110 pods, one {@code nvidia.com/gpu}, Ready, no taints. */
        public static SimulatedNode standard(String name) {
            return new SimulatedNode(
                    name,
                    Map.of(
                            "kubernetes.io/hostname", name,
                            "kubernetes.io/os", "linux",
                            "kubernetes.io/arch", "amd64",
                            "node.kubernetes.io/instance-type", "simulated"),
                    List.of(),
                    Map.of(
                            "cpu", "8",
                            "memory", "32Gi",
                            "pods", "110",
                            "ephemeral-storage", "100Gi",
                            "nvidia.com/gpu", "1"));
        }

        /**
         * The standard node with 64 cpu, 256Gi and 500 pods (still one GPU): the shared test cluster, where the pods of
         * many test classes run at once and none may be unschedulable for want of room another test left taken.
         */
        public static SimulatedNode forSharedTests(String name) {
            var capacity = new java.util.HashMap<>(standard(name).capacity());
            capacity.put("cpu", "64");
            capacity.put("memory", "256Gi");
            capacity.put("pods", "500");
            return new SimulatedNode(name, standard(name).labels(), List.of(), capacity);
        }

        public SimulatedNode withLabel(String key, String value) {
            var more = new java.util.HashMap<>(labels);
            more.put(key, value);
            return new SimulatedNode(name, more, taints, capacity);
        }

        public SimulatedNode withTaint(Taint taint) {
            var more = new java.util.ArrayList<>(taints);
            more.add(taint);
            return new SimulatedNode(name, labels, more, capacity);
        }

        public SimulatedNode withCapacity(String resource, String quantity) {
            var more = new java.util.HashMap<>(capacity);
            more.put(resource, quantity);
            return new SimulatedNode(name, labels, taints, more);
        }
    }

    /** A node taint; {@code effect} is NoSchedule, PreferNoSchedule or NoExecute. */
    public record Taint(String key, String value, String effect) {}

    /**
     * How long each simulated step takes after what starts it.
     *
     * @param scheduling a pending pod until the scheduler binds it (or says why it cannot)
     * @param sandbox a bound pod until the kubelet has its sandbox and starts pulling
     * @param imagePull pulling an image until it is pulled (or fails)
     * @param imagePullBackOff a failed pull until {@code ImagePullBackOff}
     * @param containerStart a pulled image until the container runs and is ready
     * @param containerStop a deleted pod until its containers have stopped and it is gone
     * @param controllers a controller's reaction to what it watches (StatefulSet, Deployment, quota, ...)
     * @param volumeProvisioning a claim until its volume is provisioned and bound
     * @param volumeResize each step of an expansion (controller resize, then the node's file system resize)
     * @param snapshot a VolumeSnapshot until it is ready to use
     */
    public record WorkloadTiming(
            Duration scheduling,
            Duration sandbox,
            Duration imagePull,
            Duration imagePullBackOff,
            Duration containerStart,
            Duration containerStop,
            Duration controllers,
            Duration volumeProvisioning,
            Duration volumeResize,
            Duration snapshot) {

        public static WorkloadTiming fast() {
            Duration step = Duration.ofMillis(5);
            return new WorkloadTiming(step, step, step, step, step, step, Duration.ZERO, step, step, step);
        }

        /** A few seconds for a pod from Pending to Running, as a small real cluster with cached images. */
        public static WorkloadTiming watchable() {
            return new WorkloadTiming(
                    Duration.ofMillis(500),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(2),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2),
                    Duration.ofMillis(100),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(1),
                    Duration.ofSeconds(2));
        }

        /** Every step the same length. */
        public static WorkloadTiming uniform(Duration step) {
            return new WorkloadTiming(step, step, step, step, step, step, step, step, step, step);
        }
    }

    /**
     * Which container images answer as which notebook server, by regular expression on the image reference; an
     * image matching none has no HTTP server (the proxy answers as for a refused connection).
     */
    public record NotebookServerImages(Pattern jupyter, Pattern codeServer, Pattern rstudio) {

        /** Kubeflow's example images: {@code jupyter-*}, {@code codeserver-*}, {@code rstudio-*}. */
        public static NotebookServerImages kubeflow() {
            return new NotebookServerImages(
                    Pattern.compile(".*(jupyter|notebook).*"),
                    Pattern.compile(".*(codeserver|code-server|vscode).*"),
                    Pattern.compile(".*rstudio.*"));
        }
    }
}
