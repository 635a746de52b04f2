package dev.notebooks.platform.testing.kubernetes;

import io.fabric8.mockwebserver.http.WebSocketListener;
import io.netty.channel.Channel;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/** The watches being served, so that stopping the API double ends them and releases the mock's side. */
final class WatchStreams {

    private final Set<WatchStream> open = ConcurrentHashMap.newKeySet();
    private final ExecutorService releaser = Executors.newCachedThreadPool(runnable -> {
        Thread thread = new Thread(runnable, "kubernetes-api-double-watch-release");
        thread.setDaemon(true);
        return thread;
    });

    WatchStream open(Channel channel, boolean keepAlive, WebSocketListener upstream, long sinceResourceVersion) {
        var stream = new WatchStream(channel, keepAlive, upstream, sinceResourceVersion, releaser, open::remove);
        open.add(stream);
        stream.open();
        return stream;
    }

    /** Watches whose mock side is not released yet. */
    int count() {
        return open.size();
    }

    void endAll() throws InterruptedException {
        open.forEach(WatchStream::end);
        releaser.shutdown();
        releaser.awaitTermination(5, TimeUnit.SECONDS);
    }
}
