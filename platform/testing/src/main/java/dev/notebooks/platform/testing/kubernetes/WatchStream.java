package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.List;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Predicate;

/**
 * One {@code ?watch=true} response: the chunked stream of newline-separated events a real API server sends. The
 * store hands it each change inside the write that made it; it only queues the change on its connection's event
 * loop, where it is filtered, turned into the version the request named and written, in order. Selectors are applied
 * as a server does: an object that stops matching is sent as DELETED, one that starts matching as ADDED.
 */
final class WatchStream implements ObjectStore.Subscriber {

    private final Channel channel;
    private final boolean keepAlive;
    private final ResourceType type;
    private final String version;
    private final Predicate<JsonNode> selector;
    private final ObjectStore store;
    private final AtomicBoolean ended = new AtomicBoolean();
    private ScheduledFuture<?> bookmarks;
    private boolean podTable;
    private String includeObject;

    WatchStream(
            Channel channel,
            boolean keepAlive,
            ResourceType type,
            String version,
            Predicate<JsonNode> selector,
            ObjectStore store) {
        this.channel = channel;
        this.keepAlive = keepAlive;
        this.type = type;
        this.version = version;
        this.selector = selector;
        this.store = store;
    }

    /** Sends each pod as a one-row Table, as kubectl's {@code get -w} asks. */
    void asPodTable(String includeObject) {
        this.podTable = true;
        this.includeObject = includeObject;
    }

    /** Sends the replay, then whatever the store hands over; call inside the write that subscribed it. */
    void start(List<ObjectStore.Change> replay) {
        channel.eventLoop().execute(() -> replay.forEach(this::send));
    }

    @Override
    public void changed(ObjectStore.Change change) {
        if (!ended.get()) {
            channel.eventLoop().execute(() -> send(change));
        }
    }

    /** Bookmarks every {@code every}: the store's resourceVersion once every change up to it has been queued. */
    void sendBookmarks(long everyMillis) {
        bookmarks = channel.eventLoop()
                .scheduleAtFixedRate(
                        () -> store.read(() -> {
                            long revision = store.revision();
                            channel.eventLoop().execute(() -> bookmark(revision));
                            return null;
                        }),
                        everyMillis,
                        everyMillis,
                        TimeUnit.MILLISECONDS);
    }

    /** A 410 Gone as the one event of the stream, then its end: the resourceVersion asked for is too old. */
    void expired(long requested, long oldest) {
        ObjectNode status = Json.object()
                .put("kind", "Status")
                .put("apiVersion", "v1")
                .put("status", "Failure")
                .put("message", "too old resource version: " + requested + " (" + oldest + ")")
                .put("reason", "Expired")
                .put("code", 410);
        status.putObject("metadata");
        channel.eventLoop().execute(() -> {
            write(Json.object().put("type", "ERROR").set("object", status));
            end();
        });
    }

    /** Ends the response cleanly, as a server does when a watch's timeoutSeconds is up; done once it is written. */
    java.util.concurrent.CompletableFuture<Void> end() {
        var written = new java.util.concurrent.CompletableFuture<Void>();
        if (ended.compareAndSet(false, true)) {
            store.unsubscribe(type.groupResource(), this);
            if (bookmarks != null) {
                bookmarks.cancel(false);
            }
            channel.eventLoop().execute(() -> {
                var last = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                last.addListener(done -> written.complete(null));
                if (!keepAlive) {
                    last.addListener(ChannelFutureListener.CLOSE);
                }
            });
        } else {
            written.complete(null);
        }
        return written;
    }

    /** The client went away: stop receiving. */
    void abandon() {
        if (ended.compareAndSet(false, true)) {
            store.unsubscribe(type.groupResource(), this);
            if (bookmarks != null) {
                bookmarks.cancel(false);
            }
        }
    }

    boolean isEnded() {
        return ended.get();
    }

    private void send(ObjectStore.Change change) {
        if (ended.get()) {
            return;
        }
        boolean now = !change.type().equals("DELETED") && selector.test(change.object());
        boolean before = change.previous() != null && selector.test(change.previous());
        String eventType;
        if (change.type().equals("DELETED")) {
            if (!before) {
                return;
            }
            eventType = "DELETED";
        } else if (now && before && !change.type().equals("ADDED")) {
            eventType = "MODIFIED";
        } else if (now) {
            eventType = "ADDED";
        } else if (before) {
            eventType = "DELETED";
        } else {
            return;
        }
        ObjectNode event = Json.object().put("type", eventType);
        ObjectNode object = ObjectApi.view(type, version, change.object());
        event.set(
                "object",
                podTable
                        ? PodTable.of(
                                java.util.List.of(object),
                                Json.text(object, "metadata", "resourceVersion"),
                                includeObject,
                                java.time.Clock.systemUTC())
                        : object);
        write(event);
    }

    private void bookmark(long revision) {
        if (ended.get()) {
            return;
        }
        ObjectNode object = Json.object().put("kind", type.kind()).put("apiVersion", type.apiVersion(version));
        object.putObject("metadata").put("resourceVersion", Long.toString(revision));
        write(Json.object().put("type", "BOOKMARK").set("object", object));
    }

    private void write(JsonNode event) {
        if (!channel.isActive()) {
            abandon();
            return;
        }
        channel.writeAndFlush(new DefaultHttpContent(Unpooled.copiedBuffer(Json.write(event) + "\n", UTF_8)));
    }
}
