package dev.notebooks.localstack;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** The memory benchmark's load for each service of the suite: 1,000 of what it manages, written as users write them. */
final class ResourceLoads {

    static final String NAMESPACE = "bench";
    static final String OWNER = "owner@example.com";
    private static final int WRITERS = 2;

    private ResourceLoads() {}

    static ResourceLoad of(String service) {
        return switch (service) {
            case "profile-service" -> new Profiles();
            case "notebook-service" -> new Notebooks();
            case "volume-service" -> new Volumes();
            case "image-catalog-service" -> new Images();
            case "auth-service" -> new Accounts();
            default -> throw new IllegalArgumentException("no load for " + service);
        };
    }

    /** The caller each service's API is used as: the cluster admin, or the owner of the namespace it reads. */
    static String caller(String service, String admin) {
        return service.equals("volume-service") ? OWNER : admin;
    }

    /** Profiles applied as kubectl would; loaded once the service's reconciler has made each Ready. */
    record Profiles() implements ResourceLoad {

        @Override
        public String resources() {
            return "profiles";
        }

        @Override
        public void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception {
            inParallel(
                    count,
                    i -> kubernetes.post(
                            "/apis/kubeflow.org/v1/profiles",
                            Map.of(
                                    "apiVersion",
                                    "kubeflow.org/v1",
                                    "kind",
                                    "Profile",
                                    "metadata",
                                    Map.of("name", "bench-" + i),
                                    "spec",
                                    Map.of("owner", Map.of("kind", "User", "name", "user-" + i + "@example.com")))));
        }

        @Override
        public int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception {
            return countItems(kubernetes.get("/apis/kubeflow.org/v1/profiles"), ResourceLoads::isReady);
        }
    }

    /** Notebooks applied as kubectl would, each a small running server; loaded once each has its ready pod. */
    record Notebooks() implements ResourceLoad {

        @Override
        public String resources() {
            return "notebooks";
        }

        @Override
        public void prepare(JsonHttp kubernetes, int count) throws Exception {
            profileNamespace(kubernetes);
        }

        @Override
        public void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception {
            Map<String, Object> resources = Map.of(
                    "requests", Map.of("cpu", "10m", "memory", "32Mi"),
                    "limits", Map.of("cpu", "100m", "memory", "64Mi"));
            inParallel(
                    count,
                    i -> kubernetes.post(
                            "/apis/kubeflow.org/v1/namespaces/" + NAMESPACE + "/notebooks",
                            Map.of(
                                    "apiVersion",
                                    "kubeflow.org/v1",
                                    "kind",
                                    "Notebook",
                                    "metadata",
                                    Map.of("name", "nb-" + i, "namespace", NAMESPACE),
                                    "spec",
                                    Map.of(
                                            "template",
                                            Map.of(
                                                    "spec",
                                                    Map.of(
                                                            "containers",
                                                            List.of(
                                                                    Map.of(
                                                                            "name",
                                                                            "nb-" + i,
                                                                            "image",
                                                                            "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter:v1.10.0",
                                                                            "resources",
                                                                            resources))))))));
        }

        @Override
        public int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception {
            return countItems(
                    kubernetes.get("/apis/kubeflow.org/v1/namespaces/" + NAMESPACE + "/notebooks"),
                    notebook -> notebook.path("status").path("readyReplicas").asInt() >= 1);
        }
    }

    /** Claims applied as kubectl would; loaded once the service's listing (from its caches) shows every one. */
    record Volumes() implements ResourceLoad {

        @Override
        public String resources() {
            return "volumes (PVCs)";
        }

        @Override
        public void prepare(JsonHttp kubernetes, int count) throws Exception {
            profileNamespace(kubernetes);
        }

        @Override
        public void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception {
            inParallel(
                    count,
                    i -> kubernetes.post(
                            "/api/v1/namespaces/" + NAMESPACE + "/persistentvolumeclaims",
                            Map.of(
                                    "apiVersion",
                                    "v1",
                                    "kind",
                                    "PersistentVolumeClaim",
                                    "metadata",
                                    Map.of("name", "vol-" + i, "namespace", NAMESPACE),
                                    "spec",
                                    Map.of(
                                            "accessModes", List.of("ReadWriteOnce"),
                                            "resources", Map.of("requests", Map.of("storage", "1Gi"))))));
        }

        @Override
        public int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception {
            return service.get("/api/namespaces/" + NAMESPACE + "/pvcs")
                    .path("pvcs")
                    .size();
        }
    }

    /**
     * Images added through the API by the admin (no registry is reachable, so each check fails and is overridden);
     * loaded once the spawner ConfigMap the service projects offers every one.
     */
    record Images() implements ResourceLoad {

        @Override
        public String resources() {
            return "images";
        }

        @Override
        public void prepare(JsonHttp kubernetes, int count) throws Exception {
            namespace(kubernetes, "kubeflow", Map.of());
        }

        @Override
        public void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception {
            inParallel(
                    count,
                    i -> service.post(
                            "/api/images",
                            Map.of(
                                    "image",
                                    "localhost:1/bench/image-" + i + ":v1",
                                    "serverType",
                                    List.of("jupyter", "vscode", "rstudio").get(i % 3),
                                    "displayName",
                                    "Bench image " + i,
                                    "overrideCheck",
                                    true)));
        }

        @Override
        public int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception {
            String config = kubernetes
                    .get("/api/v1/namespaces/kubeflow/configmaps/jupyter-web-app-config")
                    .path("data")
                    .path("spawner_ui_config.yaml")
                    .asText();
            return config.split("/bench/image-", -1).length - 1;
        }
    }

    /**
     * Accounts imported by the admin from Dex's ConfigMap (1,000 {@code staticPasswords}, hashes as they are, so no
     * bcrypt is timed); loaded once the service has projected each into a Dex {@code Password}.
     */
    record Accounts() implements ResourceLoad {

        // Kubeflow's example user's hash (password "12341234")
        private static final String HASH = "$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72";

        @Override
        public String resources() {
            return "accounts";
        }

        @Override
        public void prepare(JsonHttp kubernetes, int count) throws Exception {
            namespace(kubernetes, "auth", Map.of());
            StringBuilder config = new StringBuilder(
                    """
                    issuer: http://dex.auth.svc.cluster.local:5556/dex
                    storage:
                      type: kubernetes
                      config:
                        inCluster: true
                    enablePasswordDB: true
                    staticPasswords:
                    """);
            for (int i = 0; i < count; i++) {
                config.append(
                        "- email: user-%d@example.com\n  hash: \"%s\"\n  username: user-%d\n  userID: \"bench-%d\"\n"
                                .formatted(i, HASH, i, i));
            }
            kubernetes.post(
                    "/api/v1/namespaces/auth/configmaps",
                    Map.of(
                            "apiVersion",
                            "v1",
                            "kind",
                            "ConfigMap",
                            "metadata",
                            Map.of("name", "dex", "namespace", "auth"),
                            "data",
                            Map.of("config.yaml", config.toString())));
        }

        @Override
        public void load(JsonHttp kubernetes, JsonHttp service, int count) throws Exception {
            service.post("/api/accounts/import", Map.of());
        }

        @Override
        public int loaded(JsonHttp kubernetes, JsonHttp service) throws Exception {
            return countItems(kubernetes.get("/apis/dex.coreos.com/v1/namespaces/auth/passwords"), item -> true);
        }
    }

    /** A profile's namespace as profile-service makes it: owned by {@link #OWNER}. */
    private static void profileNamespace(JsonHttp kubernetes) throws Exception {
        namespace(kubernetes, NAMESPACE, Map.of("owner", OWNER));
    }

    private static void namespace(JsonHttp kubernetes, String name, Map<String, String> annotations) throws Exception {
        kubernetes.post(
                "/api/v1/namespaces",
                Map.of(
                        "apiVersion", "v1",
                        "kind", "Namespace",
                        "metadata", Map.of("name", name, "annotations", annotations)));
    }

    private static boolean isReady(JsonNode object) {
        for (JsonNode condition : object.path("status").path("conditions")) {
            if ("Ready".equals(condition.path("type").asText())
                    && "True".equals(condition.path("status").asText())) {
                return true;
            }
        }
        return false;
    }

    private static int countItems(JsonNode list, java.util.function.Predicate<JsonNode> counted) {
        int n = 0;
        for (JsonNode item : list.path("items")) {
            if (counted.test(item)) {
                n++;
            }
        }
        return n;
    }

    /** One write of the load: the {@code i}th resource. */
    @FunctionalInterface
    interface Write {
        void write(int i) throws Exception;
    }

    private static void inParallel(int count, Write write) throws Exception {
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try {
            List<Future<?>> writes = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                int n = i;
                writes.add(writers.submit(() -> {
                    write.write(n);
                    return null;
                }));
            }
            for (Future<?> each : writes) {
                each.get();
            }
        } finally {
            writers.shutdownNow();
        }
    }
}
