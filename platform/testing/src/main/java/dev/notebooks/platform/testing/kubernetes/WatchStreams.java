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

    /** Ends every watch and waits (a moment at most) until each one's last chunk is written. */
    void endAll() {
        var ends = open.stream().map(WatchStream::end).toArray(java.util.concurrent.CompletableFuture[]::new);
        open.clear();
        try {
            java.util.concurrent.CompletableFuture.allOf(ends).get(1, java.util.concurrent.TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
            // a client that went away meanwhile has nothing left to receive
        }
    }
}
