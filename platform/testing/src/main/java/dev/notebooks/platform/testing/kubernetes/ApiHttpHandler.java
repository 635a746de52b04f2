package dev.notebooks.platform.testing.kubernetes;

import io.netty.buffer.ByteBufUtil;
import io.netty.buffer.Unpooled;
import io.netty.channel.ChannelFutureListener;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.SimpleChannelInboundHandler;
import io.netty.handler.codec.http.DefaultFullHttpResponse;
import io.netty.handler.codec.http.DefaultHttpResponse;
import io.netty.handler.codec.http.FullHttpRequest;
import io.netty.handler.codec.http.HttpHeaderNames;
import io.netty.handler.codec.http.HttpResponseStatus;
import io.netty.handler.codec.http.HttpUtil;
import io.netty.handler.codec.http.QueryStringDecoder;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API double, one per connection: a {@code ?watch=true} (or {@code watch=1}) GET becomes a
 * {@link WatchStream}, every other request is answered by {@link ApiRequests}.
 */
final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);

    private final ApiRequests requests;
    private final WatchStreams watches;
    private final long bookmarkMillis;
    private final KubeRequestLog requestLog;
    private WatchStream currentWatch;

    ApiHttpHandler(ApiRequests requests, WatchStreams watches, long bookmarkMillis, KubeRequestLog requestLog) {
        this.requests = requests;
        this.watches = watches;
        this.bookmarkMillis = bookmarkMillis;
        this.requestLog = requestLog;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest http) {
        var query = new QueryStringDecoder(http.uri());
        var request = new ApiRequests.Request(
                http.method().name(),
                http.uri(),
                query.parameters(),
                http.headers().get(HttpHeaderNames.CONTENT_TYPE),
                http.headers().get(HttpHeaderNames.ACCEPT),
                http.headers().get(HttpHeaderNames.USER_AGENT),
                ByteBufUtil.getBytes(http.content()));
        boolean keepAlive = HttpUtil.isKeepAlive(http);
        boolean watch = request.method().equals("GET") && ApiRequests.isTrue(request.parameter("watch"));
        requestLog.record(request.userAgent(), request.method(), request.uri(), watch);
        if (watch) {
            try {
                startWatch(context, http, request, keepAlive);
                return;
            } catch (ApiError refused) {
                reply(
                        context,
                        http,
                        ApiRequests.Reply.json(refused.status(), refused.toStatus(), List.of()),
                        keepAlive);
                return;
            }
        }
        ApiRequests.Reply reply;
        try {
            reply = requests.handle(request);
        } catch (RuntimeException | LinkageError e) {
            LOG.warn("Kubernetes API double failed on {} {}", http.method(), http.uri(), e);
            ApiError error = new ApiError(500, "InternalError", "Kubernetes API double failed: " + e);
            reply = ApiRequests.Reply.json(500, error.toStatus(), List.of());
        }
        reply(context, http, reply, keepAlive);
    }

    private static void reply(
            ChannelHandlerContext context, FullHttpRequest http, ApiRequests.Reply reply, boolean keepAlive) {
        var response = new DefaultFullHttpResponse(
                http.protocolVersion(),
                HttpResponseStatus.valueOf(reply.status()),
                Unpooled.wrappedBuffer(reply.body()));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        for (String warning : reply.warnings()) {
            response.headers().add("Warning", "299 - \"" + warning.replace("\"", "\\\"") + "\"");
        }
        HttpUtil.setContentLength(response, response.content().readableBytes());
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = context.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void startWatch(
            ChannelHandlerContext context, FullHttpRequest http, ApiRequests.Request request, boolean keepAlive)
            throws ApiError {
        ApiRequests.WatchRequest watch = requests.watch(request);
        var response = new DefaultHttpResponse(http.protocolVersion(), HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setTransferEncodingChunked(response, true);
        HttpUtil.setKeepAlive(response, keepAlive);
        context.writeAndFlush(response);

        ObjectStore store = requests.store();
        var stream =
                new WatchStream(context.channel(), keepAlive, watch.type(), watch.version(), watch.selector(), store);
        if (watch.podTable()) {
            stream.asPodTable(watch.includeObject());
        }
        currentWatch = stream;
        watches.add(stream);
        // the replay is queued inside the write that subscribes, so no later change can overtake it
        boolean subscribed = store.write(() -> {
            Optional<List<ObjectStore.Change>> replay =
                    store.subscribe(watch.type().groupResource(), watch.namespace(), watch.since(), stream);
            replay.ifPresentOrElse(stream::start, () -> stream.expired(watch.since(), store.revision()));
            return replay.isPresent();
        });
        if (!subscribed) {
            watches.countExpired();
            return;
        }
        if (watch.bookmarks() && bookmarkMillis > 0) {
            stream.sendBookmarks(bookmarkMillis);
        }
        long timeoutSeconds = parse(request.parameter("timeoutSeconds"));
        if (timeoutSeconds > 0) {
            context.executor().schedule(stream::end, timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (currentWatch != null) {
            currentWatch.abandon();
            watches.remove(currentWatch);
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // a client that hangs up mid-watch shows up here as a reset connection: normal, not worth a warning
        LOG.debug("Kubernetes API double connection closed: {}", cause.toString());
        context.close();
    }

    private static long parse(String value) {
        try {
            return value == null ? 0 : Long.parseLong(value);
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
