package dev.notebooks.platform.testing.kubernetes;

import io.fabric8.kubernetes.client.utils.Serialization;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * An in-process Kubernetes API server for tests and the local stack: fabric8's {@code kubernetes-server-mock} in
 * CRUD mode behind a small Netty HTTP front that speaks what the official Java client and kubectl expect, with the
 * suite's CRDs (Profile, Notebook, PodDefault, Dex Password) registered at start and the {@code default} namespace
 * present. It listens on 127.0.0.1, plain HTTP, without authentication.
 *
 * <h2>What it does</h2>
 *
 * Create, get, list, update (with optimistic locking on {@code metadata.resourceVersion}), JSON merge patch
 * ({@code application/merge-patch+json}, RFC 7386: objects merge, {@code null} removes, lists and other values
 * replace), JSON patch ({@code application/json-patch+json}, RFC 6902: all operations or none, a failing one,
 * {@code test} included, answers 422), delete and deletecollection of any resource under {@code /api} and
 * {@code /apis}; a patched object carrying a {@code metadata.resourceVersion} other than the stored one is a 409,
 * as on a real server; status subresources of the registered CRDs (a write to the object leaves {@code status}
 * alone, a write to {@code /status} only changes status, query parameters such as {@code fieldManager} or not);
 * {@code generation} bumped on changes outside {@code metadata} and {@code status}; finalizers (a delete marks
 * {@code deletionTimestamp} until the last finalizer is removed); equality label selectors and
 * {@code metadata.name} field selectors; watches as chunked HTTP streams ({@code ?watch=true}) that start after
 * the requested {@code resourceVersion} and end cleanly at {@code timeoutSeconds}; {@code /version},
 * {@code /healthz}, and discovery ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<group>/<version>})
 * for common built-in kinds and the registered CRDs.
 *
 * <h2>What it does not do (so write controllers that work on it and on a real cluster alike)</h2>
 *
 * <ul>
 *   <li>No server-side apply and no strategic merge patch (both answer 415): write with create, JSON merge patch
 *       or JSON patch, update with {@code resourceVersion}, and delete. That one write path works on both.
 *   <li>No garbage collection: owner references are stored but nothing cascades; deleting a namespace leaves its
 *       objects. Tests assert that owner references are set, not that children disappear.
 *   <li>No admission, defaulting or validation: CRD schemas are not enforced, nothing is pruned, required fields
 *       and DNS names are not checked, a namespaced object can be created in a namespace that does not exist, and
 *       no controller runs (a StatefulSet gets no pods, a Pod no status).
 *   <li>No conversion between CRD versions: an object is found only under the version it was written with.
 *   <li>No authentication or authorization: every request is allowed, and SubjectAccessReview, TokenReview and
 *       SelfSubjectAccessReview are not evaluated.
 *   <li>Discovery is static: the built-in kinds listed in {@code ApiResources} and the CRDs created through this
 *       server; tests run Micronaut with {@code kubernetes.client.api-discovery.enabled=false} and give informers
 *       their group and plural explicitly. No OpenAPI documents, no Table output (kubectl prints plain lists).
 *   <li>Watch resourceVersion semantics are approximated: the mock replays the current objects on every watch and
 *       the front drops those at or below the requested version, so an object deleted between a list and the
 *       following watch is missed; resourceVersions are never too old (no 410 Gone), and no bookmarks are sent.
 *   <li>Set-based label selectors ({@code in}, {@code notin}) are ignored (everything matches), other field
 *       selectors too; {@code limit}/{@code continue} paging, {@code dryRun} and {@code fieldManager} are ignored.
 *   <li>Everything is in memory and gone when it stops.
 * </ul>
 */
public final class KubernetesApiDouble implements AutoCloseable {

    private static final String HOST = "127.0.0.1";
    private static final int MAX_REQUEST_BYTES = 16 * 1024 * 1024;
    private static final String DEFAULT_NAMESPACE =
            """
            {"apiVersion":"v1","kind":"Namespace","metadata":{"name":"default"}}""";

    private final ObjectStore store = new ObjectStore();
    private final ApiResources resources = new ApiResources();
    private final WatchStreams watches = new WatchStreams();
    private final EventLoopGroup eventLoops = new MultiThreadIoEventLoopGroup(
            2, new DefaultThreadFactory("kubernetes-api-double", true), NioIoHandler.newFactory());
    private final AtomicBoolean closed = new AtomicBoolean();
    private final Channel serverChannel;
    private final String url;

    private KubernetesApiDouble(int port) {
        try {
            serverChannel = bind(port);
            int boundPort = ((InetSocketAddress) serverChannel.localAddress()).getPort();
            url = "http://" + HOST + ":" + boundPort;
            var setup = requestsAt(boundPort);
            for (var crd : SuiteCustomResourceDefinitions.load()) {
                created(setup.handle("POST", ApiRequests.CRDS_PATH, "application/json", Serialization.asJson(crd)));
            }
            created(setup.handle("POST", "/api/v1/namespaces", "application/json", DEFAULT_NAMESPACE));
        } catch (Exception e) {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS);
            throw new IllegalStateException("Could not start the Kubernetes API double on port " + port, e);
        }
    }

    /** Starts the API on 127.0.0.1 at {@code port}; 0 picks a free port. */
    public static KubernetesApiDouble start(int port) {
        return new KubernetesApiDouble(port);
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

    /** Ends the open watches and stops listening; everything stored is gone. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        try {
            watches.endAll();
            serverChannel.close().sync();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            eventLoops.shutdownGracefully(0, 1, TimeUnit.SECONDS).syncUninterruptibly();
        }
    }

    /** Watches still holding a mock-side watch; for tests that check a client hang-up releases it. */
    int openWatches() {
        return watches.count();
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
                                        requestsAt(channel.localAddress().getPort()), watches));
                    }
                })
                .bind(HOST, port)
                .sync()
                .channel();
    }

    private ApiRequests requestsAt(int port) {
        return new ApiRequests(store, resources, HOST + ":" + port);
    }

    private static void created(ApiRequests.Reply reply) {
        if (reply.status() != 201) {
            throw new IllegalStateException(
                    "Kubernetes API double could not set up: HTTP " + reply.status() + " " + reply.body());
        }
    }
}
