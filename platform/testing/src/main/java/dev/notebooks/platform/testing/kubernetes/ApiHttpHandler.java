package dev.notebooks.platform.testing.kubernetes;

import static java.nio.charset.StandardCharsets.UTF_8;

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
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HTTP side of the API double, one per connection: a {@code ?watch=true} (or {@code watch=1}) request becomes
 * a {@link WatchStream}, every other request is answered by {@link ApiRequests}.
 */
final class ApiHttpHandler extends SimpleChannelInboundHandler<FullHttpRequest> {

    private static final Logger LOG = LoggerFactory.getLogger(ApiHttpHandler.class);
    // what the API server's boolean query parameters accept (Go's strconv.ParseBool)
    private static final Set<String> TRUE = Set.of("true", "True", "TRUE", "t", "T", "1");

    private final ApiRequests requests;
    private final WatchStreams watches;
    private WatchStream currentWatch;

    ApiHttpHandler(ApiRequests requests, WatchStreams watches) {
        this.requests = requests;
        this.watches = watches;
    }

    @Override
    protected void channelRead0(ChannelHandlerContext context, FullHttpRequest request) {
        var query = new QueryStringDecoder(request.uri());
        boolean watchOfResources =
                isWatch(query) && ResourcePath.parse(request.uri()).isPresent();
        if (request.method().name().equals("GET") && watchOfResources) {
            startWatch(context, request, query);
            return;
        }
        ApiRequests.Reply reply;
        try {
            reply = requests.handle(
                    request.method().name(),
                    request.uri(),
                    request.headers().get(HttpHeaderNames.CONTENT_TYPE),
                    request.content().toString(UTF_8));
        } catch (RuntimeException e) {
            LOG.warn("Kubernetes API double failed on {} {}", request.method(), request.uri(), e);
            reply = new ApiRequests.Reply(500, "text/plain", "Kubernetes API double failed: " + e);
        }
        var response = new DefaultFullHttpResponse(
                request.protocolVersion(),
                HttpResponseStatus.valueOf(reply.status()),
                Unpooled.copiedBuffer(reply.body(), UTF_8));
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, reply.contentType());
        HttpUtil.setContentLength(response, response.content().readableBytes());
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        var written = context.writeAndFlush(response);
        if (!keepAlive) {
            written.addListener(ChannelFutureListener.CLOSE);
        }
    }

    private void startWatch(ChannelHandlerContext context, FullHttpRequest request, QueryStringDecoder query) {
        var response = new DefaultHttpResponse(request.protocolVersion(), HttpResponseStatus.OK);
        response.headers().set(HttpHeaderNames.CONTENT_TYPE, "application/json");
        HttpUtil.setTransferEncodingChunked(response, true);
        boolean keepAlive = HttpUtil.isKeepAlive(request);
        HttpUtil.setKeepAlive(response, keepAlive);
        context.writeAndFlush(response);

        currentWatch = watches.open(
                context.channel(), keepAlive, requests.watch(request.uri()), parameter(query, "resourceVersion"));
        long timeoutSeconds = parameter(query, "timeoutSeconds");
        if (timeoutSeconds > 0) {
            context.executor().schedule(currentWatch::end, timeoutSeconds, TimeUnit.SECONDS);
        }
    }

    @Override
    public void channelInactive(ChannelHandlerContext context) throws Exception {
        if (currentWatch != null) {
            currentWatch.abandon();
        }
        super.channelInactive(context);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext context, Throwable cause) {
        // a client that hangs up mid-watch shows up here as a reset connection: normal, not worth a warning
        LOG.debug("Kubernetes API double connection closed: {}", cause.toString());
        context.close();
    }

    private static boolean isWatch(QueryStringDecoder query) {
        return query.parameters().getOrDefault("watch", List.of()).stream().anyMatch(TRUE::contains);
    }

    private static long parameter(QueryStringDecoder query, String name) {
        try {
            return Long.parseLong(
                    query.parameters().getOrDefault(name, List.of("0")).get(0));
        } catch (NumberFormatException notANumber) {
            return 0;
        }
    }
}
