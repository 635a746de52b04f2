package dev.notebooks.platform.testing.kubernetes;

import io.netty.bootstrap.ServerBootstrap;
import io.netty.channel.Channel;
import io.netty.channel.ChannelInitializer;
import io.netty.channel.EventLoopGroup;
import io.netty.channel.MultiThreadIoEventLoopGroup;
import io.netty.channel.nio.NioIoHandler;
import io.netty.channel.socket.SocketChannel;
import io.netty.channel.socket.nio.NioServerSocketChannel;
import io.netty.handler.codec.http.HttpObjectAggregator;
import io.netty.handler.codec.http.HttpServerCodec;
import io.netty.handler.codec.http.HttpServerExpectContinueHandler;
import io.netty.util.concurrent.DefaultThreadFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process Kubernetes API server for tests and the local stack: an indexed in-memory store behind a small Netty
 * HTTP front that speaks what the official Java client, client-go controllers and kubectl expect, with the suite's
 * CRDs (Profile, Notebook, PodDefault, Dex Password), the third-party ones a cluster running the suite has
 * (Istio's, the CSI snapshot controller's) and the namespaces a new cluster has ({@code default},
 * {@code kube-system}, {@code kube-public}, {@code kube-node-lease}). It listens on 127.0.0.1, plain HTTP, without
 * authentication.
 *
 * <p>It behaves as an API server: every served version of a CRD is one stored object; create, get, list (label and
 * field selectors, {@code limit}/{@code continue}), update with optimistic locking, JSON merge, JSON and strategic
 * merge patch, delete and deletecollection; status and scale subresources; server-owned metadata
 * ({@code uid}, {@code resourceVersion}, {@code generation}, {@code creationTimestamp}, {@code managedFields} by field
 * manager); defaults of built-in kinds; custom resources pruned and checked against their schemas with
 * {@code fieldValidation}; finalizers; garbage collection through owner references (background, foreground,
 * orphan) and namespace termination; watches that resume from a resourceVersion inside a window of recent changes
 * (older is 410 Gone), with bookmarks; {@code dryRun}; OpenAPI v2 and v3 documents; protobuf request bodies;
 * discovery. {@code docs/testing.md} lists what it does not do (server-side apply, admission webhooks, RBAC,
 * authentication).
 *
 * <p>As KWOK does for clusters without kubelets, it also simulates what makes workloads move ({@link WorkloadSettings}):
 * nodes, the scheduler, kubelets (pod stages with image pulls, logs, graceful deletion), the StatefulSet, Deployment
 * and ReplicaSet controllers, ResourceQuota and LimitRange admission with quota usage, volume provisioning, expansion
 * and snapshots, and the notebook servers behind the service proxy, whose activity
 * {@code PUT /simulation/v1/namespaces/{ns}/pods/{pod}/activity} sets.
 */
public final class KubernetesApiDouble implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final List<String> NAMESPACES = List.of("default", "kube-system", "kube-public", "kube-node-lease");

    /**
     * How the double behaves where a real server has settings of its own.
     *
     * @param port the port on 127.0.0.1; 0 picks a free one
     * @param watchWindow changes kept per kind for watches that resume from a resourceVersion; older is 410 Gone
     * @param bookmarkInterval how often a watch that allows bookmarks gets one
     * @param workloads the simulated nodes, scheduler, kubelets, controllers and volumes, and their pace
     */
    public record Settings(int port, int watchWindow, Duration bookmarkInterval, WorkloadSettings workloads) {

        public static final int DEFAULT_WATCH_WINDOW = 10_000;
        public static final Duration DEFAULT_BOOKMARK_INTERVAL = Duration.ofSeconds(10);

        /** A free port, workloads simulated at test pace. */
        public static Settings defaults() {
            return new Settings(0, DEFAULT_WATCH_WINDOW, DEFAULT_BOOKMARK_INTERVAL, WorkloadSettings.forTests());
        }

        public Settings port(int port) {
            return new Settings(port, watchWindow, bookmarkInterval, workloads);
        }

        public Settings watchWindow(int changes) {
            return new Settings(port, changes, bookmarkInterval, workloads);
        }

        public Settings bookmarkInterval(Duration interval) {
            return new Settings(port, watchWindow, interval, workloads);
        }

        public Settings workloads(WorkloadSettings workloads) {
            return new Settings(port, watchWindow, bookmarkInterval, workloads);
        }
    }

    private final ObjectStore store;
    private final ObjectApi api;
    private final OpenApiDocuments openApi;
    private final WatchStreams watches = new WatchStreams();
    // "default": the namespace of the kubeconfig it writes, which the services' tests run in
    private final KubeRequestLog requestLog = new KubeRequestLog("default");
    private final EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("kubernetes-api-double", true), NioIoHandler.newFactory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Settings settings;
    private final Optional<Workloads> workloads;
    private final PodHttp podHttp;
    private final Channel serverChannel;
    private final String url;

    private KubernetesApiDouble(Settings settings) {
        this.settings = settings;
        this.store = new ObjectStore(settings.watchWindow());
        this.api = new ObjectApi(store, new ResourceTypes(), Clock.systemUTC());
        this.openApi = new OpenApiDocuments(api.types());
        Optional<Workloads> started = Optional.empty();
        try {
            seed();
            started = Workloads.start(api, settings.workloads());
            workloads = started;
            podHttp = new PodHttp(
                    api,
                    started.map(Workloads::servers)
                            .orElseGet(() ->
                                    new NotebookServers(settings.workloads().servers())));
            serverChannel = bind(settings.port());
            int boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
            url = "http://" + HOST + ":" + boundPort;
        } catch (Exception e) {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            started.ifPresent(Workloads::close);
            api.collector().close();
            throw new IllegalStateException("Could not start the Kubernetes API double on port " + settings.port(), e);
        }
    }

    /** Starts the API on 127.0.0.1 at {@code port}; 0 picks a free port. */
    public static KubernetesApiDouble start(int port) {
        return new KubernetesApiDouble(Settings.defaults().port(port));
    }

    public static KubernetesApiDouble start(Settings settings) {
        return new KubernetesApiDouble(settings);
    }

    private void seed() throws ApiError {
        ResourceTypes types = api.types();
        ResourceType crds = types.find(new GroupResource("apiextensions.k8s.io", "customresourcedefinitions"))
                .orElseThrow();
        ResourceType namespaces =
                types.find(new GroupResource("", "namespaces")).orElseThrow();
        var setup = ObjectApi.WriteOptions.by("kube-apiserver");
        for (var crd : SuiteCustomResourceDefinitions.load()) {
            api.create(crds, "v1", null, crd.deepCopy(), setup);
        }
        for (String namespace : NAMESPACES) {
            var object = Json.object().put("apiVersion", "v1").put("kind", "Namespace");
            object.putObject("metadata").put("name", namespace);
            api.create(namespaces, "v1", null, object, setup);
        }
    }

    /** The base URL, e.g. {@code http://127.0.0.1:6443}. */
    public String url() {
        return url;
    }

    /**
     * Writes a kubeconfig whose current context points at this API (plain HTTP, no credentials, namespace
     * {@code default}), e.g. for {@code kubectl --kubeconfig <file> get --raw /api/v1/namespaces}.
     */
    public Path writeKubeconfig(Path file) {
        String kubeconfig =
                """
                apiVersion: v1
                kind: Config
                clusters:
                - name: notebooks-api-double
                  cluster:
                    server: %s
                users:
                - name: notebooks-api-double
                  user: {}
                contexts:
                - name: notebooks-api-double
                  context:
                    cluster: notebooks-api-double
                    user: notebooks-api-double
                    namespace: default
                current-context: notebooks-api-double
                """
                        .formatted(url);
        try {
            Path parent = file.toAbsolutePath().getParent();
            if (parent != null) {
                Files.createDirectories(parent);
            }
            return Files.writeString(file, kubeconfig);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the kubeconfig " + file, e);
        }
    }

    /** What each service (by its User-Agent) asked of this API, for the chart's RBAC proof. */
    public KubeRequestLog requestLog() {
        return requestLog;
    }

    /** Ends the open watches and stops listening; everything stored is gone. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            watches.endAll();
            workloads.ifPresent(Workloads::close);
            api.collector().close();
            serverChannel.close().sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Watches being served; for tests that check a client hang-up releases its watch. */
    int openWatches() {
        return watches.count();
    }

    /** Ends every watch cleanly, as their timeoutSeconds would; clients watch again from where they were. */
    void endWatches() {
        watches.endAll();
    }

    /** Watches answered 410 Gone because the resourceVersion asked for had left the window. */
    long expiredWatches() {
        return watches.expired();
    }

    private Channel bind(int port) throws InterruptedException {
        return new ServerBootstrap()
                .group(eventLoops)
                .channel(NioServerSocketChannel.class)
                .childHandler(new ChannelInitializer<SocketChannel>() {
                    @Override
                    protected void initChannel(SocketChannel channel) {
                        channel.pipeline()
                                .addLast(new HttpServerCodec())
                                .addLast(new HttpServerExpectContinueHandler())
                                .addLast(new HttpObjectAggregator(MAX_REQUEST_BYTES))
                                .addLast(new ApiHttpHandler(
                                        requestsAt(channel.localAddress().getPort()),
                                        watches,
                                        settings.bookmarkInterval().toMillis(),
                                        requestLog));
                    }
                })
                .bind(HOST, port)
                .sync()
                .channel();
    }

    private ApiRequests requestsAt(int port) {
        return new ApiRequests(api, openApi, HOST + ":" + port, podHttp);
    }
}
