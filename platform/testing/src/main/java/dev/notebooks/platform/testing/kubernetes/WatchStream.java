package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

import io.fabric8.kubernetes.client.utils.Serialization;
import io.fabric8.mockwebserver.http.MockResponse;
import io.fabric8.mockwebserver.http.RecordedRequest;
import io.fabric8.mockwebserver.http.WebSocket;
import io.fabric8.mockwebserver.http.WebSocketListener;
import io.netty.buffer.Unpooled;
import io.netty.channel.Channel;
import io.netty.channel.ChannelFutureListener;
import io.netty.handler.codec.http.DefaultHttpContent;
import io.netty.handler.codec.http.LastHttpContent;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import tools.jackson.core.JacksonException;

/**
 * One {@code ?watch=true} response: the mock's watch, which speaks WebSocket, turned into the chunked stream of
 * newline-separated events that a real API server sends. The stream stands in for the WebSocket the mock writes
 * to. The mock replays every existing object as ADDED whatever resourceVersion was asked for, so events at or
 * below that version are dropped here. Ending the stream (timeout, shutdown) or losing the client releases the
 * mock's watch.
 */
final class WatchStream implements WebSocket {

    private final Channel channel;
    private final boolean keepAlive;
    private final WebSocketListener upstream;
    private final long sinceResourceVersion;
    private final Executor releaser;
    private final Consumer<WatchStream> onReleased;
    private final AtomicBoolean closed = new AtomicBoolean();
    // only read and written on the channel's event loop, so nothing is written after the last chunk
    private boolean ended;

    WatchStream(
            Channel channel,
            boolean keepAlive,
            WebSocketListener upstream,
            long sinceResourceVersion,
            Executor releaser,
            Consumer<WatchStream> onReleased) {
        this.channel = channel;
        this.keepAlive = keepAlive;
        this.upstream = upstream;
        this.sinceResourceVersion = sinceResourceVersion;
        this.releaser = releaser;
        this.onReleased = onReleased;
    }

    /** Starts the mock's watch; it replays the existing objects, then sends changes as they happen. */
    void open() {
        upstream.onOpen(this, new MockResponse());
    }

    /** Ends the response cleanly, as a server does when a watch's timeoutSeconds is up. */
    void end() {
        if (closed.compareAndSet(false, true)) {
            channel.eventLoop().execute(() -> {
                ended = true;
                var last = channel.writeAndFlush(LastHttpContent.EMPTY_LAST_CONTENT);
                if (!keepAlive) {
                    last.addListener(ChannelFutureListener.CLOSE);
                }
            });
            release("watch ended");
        }
    }

    /** The client closed the connection: only the mock's side is left to release. */
    void abandon() {
        if (closed.compareAndSet(false, true)) {
            release("client went away");
        }
    }

    @Override
    public boolean send(String event) {
        if (closed.get()) {
            return false;
        }
        if (isOlderThanRequested(event)) {
            return true;
        }
        var chunk = new DefaultHttpContent(Unpooled.copiedBuffer(event + "\n", UTF_8));
        channel.eventLoop().execute(() -> {
            if (ended) {
                chunk.release();
            } else {
                channel.writeAndFlush(chunk);
            }
        });
        return true;
    }

    @Override
    public boolean send(byte[] event) {
        return send(new String(event, UTF_8));
    }

    /** The mock closing its WebSocket ends the response. */
    @Override
    public boolean close(int code, String reason) {
        end();
        return true;
    }

    @Override
    public RecordedRequest request() {
        return null;
    }

    private void release(String reason) {
        // the mock's onClosed waits for its sender thread to finish, so not on the event loop
        releaser.execute(() -> {
            try {
                upstream.onClosed(this, 1000, reason);
            } finally {
                onReleased.accept(this);
            }
        });
    }

    private boolean isOlderThanRequested(String event) {
        if (sinceResourceVersion <= 0) {
            return false;
        }
        try {
            String version = Serialization.jsonMapper()
                    .readTree(event)
                    .path("object")
                    .path("metadata")
                    .path("resourceVersion")
                    .asString("");
            return !version.isEmpty() && Long.parseLong(version) <= sinceResourceVersion;
        } catch (JacksonException | NumberFormatException unreadable) {
            return false;
        }
    }
}
