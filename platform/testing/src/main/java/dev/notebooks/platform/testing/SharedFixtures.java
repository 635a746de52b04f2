package dev.notebooks.platform.testing;

import java.util.ArrayDeque;
import java.util.Deque;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a test JVM starts once and shares (databases, brokers, API servers). A fixture registers how to close
 * itself when it starts; everything registered is closed, last started first, when the JUnit launcher session
 * ends ({@link SharedFixturesSessionListener}). A JVM shutdown hook closes what is still open only as a last
 * resort, for a JVM that exits without ending its session.
 */
public final class SharedFixtures {

    private static final Logger LOG = LoggerFactory.getLogger(SharedFixtures.class);
    private static final Deque<Registration> OPEN = new ArrayDeque<>();
    private static boolean lastResortHookInstalled;

    private SharedFixtures() {}

    /** Closes {@code fixture} when the test JVM's launcher session ends; {@code name} is for the log. */
    public static synchronized void closeAtEnd(String name, AutoCloseable fixture) {
        if (!lastResortHookInstalled) {
            Runtime.getRuntime().addShutdownHook(new Thread(SharedFixtures::closeAll, "shared-fixtures-last-resort"));
            lastResortHookInstalled = true;
        }
        OPEN.push(new Registration(name, fixture));
    }

    /** Closes every registered fixture, last registered first; a failure is logged and the rest still close. */
    public static void closeAll() {
        Registration next;
        while ((next = nextToClose()) != null) {
            long started = System.nanoTime();
            try {
                next.fixture().close();
                LOG.info("{} stopped in {} ms", next.name(), Timing.millisSince(started));
            } catch (Exception e) {
                LOG.warn("Could not stop {}", next.name(), e);
            }
        }
    }

    private static synchronized Registration nextToClose() {
        return OPEN.poll();
    }

    private record Registration(String name, AutoCloseable fixture) {}
}
