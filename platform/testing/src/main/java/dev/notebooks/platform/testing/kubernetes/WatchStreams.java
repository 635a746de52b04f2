package dev.notebooks.platform.testing.kubernetes;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The watches being served, so that stopping the API double ends them. */
final class WatchStreams {

    private final Set<WatchStream> open = ConcurrentHashMap.newKeySet();
    private final AtomicLong expired = new AtomicLong();

    void add(WatchStream stream) {
        open.add(stream);
    }

    void remove(WatchStream stream) {
        open.remove(stream);
    }

    /** Watches still open. */
    int count() {
        open.removeIf(WatchStream::isEnded);
        return open.size();
    }

    void countExpired() {
        expired.incrementAndGet();
    }

    long expired() {
        return expired.get();
    }

    void endAll() {
        open.forEach(WatchStream::end);
        open.clear();
    }
}
