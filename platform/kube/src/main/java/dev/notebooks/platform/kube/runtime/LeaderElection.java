package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.extended.leaderelection.LeaderElectionConfig;
import io.kubernetes.client.extended.leaderelection.LeaderElector;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Campaigns for a Lease with client-java's {@link LeaderElector}, again and again: an elector gives up for good once it
 * loses its lease, so each term gets a new one. Calls {@code onStartedLeading} when a term starts and
 * {@code onStoppedLeading} when it ends; never the first after the second within one term.
 */
final class LeaderElection {

    private static final Logger LOG = LoggerFactory.getLogger(LeaderElection.class);

    private final LeaderElectionConfig config;
    private volatile boolean running;
    private volatile Term term;
    private Thread thread;

    LeaderElection(LeaderElectionConfig config) {
        // the elector checks this too, but only on its own thread, where a failure would go unnoticed
        if (config.getLeaseDuration().compareTo(config.getRenewDeadline()) <= 0
                || config.getRenewDeadline().compareTo(config.getRetryPeriod()) <= 0) {
            throw new IllegalArgumentException(
                    "leader election needs lease-duration > renew-deadline > retry-period, not "
                            + config.getLeaseDuration() + " > " + config.getRenewDeadline() + " > "
                            + config.getRetryPeriod());
        }
        this.config = config;
    }

    synchronized void start(Runnable onStartedLeading, Runnable onStoppedLeading) {
        running = true;
        thread = new Thread(() -> campaign(onStartedLeading, onStoppedLeading), "leader-election");
        thread.setDaemon(true);
        thread.start();
    }

    private void campaign(Runnable onStartedLeading, Runnable onStoppedLeading) {
        while (running) {
            Term current = new Term(new LeaderElector(config), onStartedLeading, onStoppedLeading);
            term = current;
            if (!running) {
                current.close();
                return;
            }
            current.elector.run(current::started, current::stopped);
            current.close();
        }
    }

    /** Ends the campaign; a leader hands its lease back so another replica takes over at once. */
    synchronized void stop() throws InterruptedException {
        if (!running) {
            return;
        }
        running = false;
        Term current = term;
        if (current != null && current.leading()) {
            // closing ends the renew loop quietly and releases the lease
            current.close();
        } else {
            thread.interrupt();
        }
        thread.join(config.getLeaseDuration().plus(config.getRetryPeriod()).toMillis());
        if (thread.isAlive()) {
            LOG.warn("leader election did not stop within {}", config.getLeaseDuration());
            thread.interrupt();
        }
    }

    /** One elector's term, from the campaign to the loss of the lease. */
    private static final class Term {

        private final LeaderElector elector;
        private final Runnable onStartedLeading;
        private final Runnable onStoppedLeading;
        private final AtomicBoolean closed = new AtomicBoolean();
        private boolean leading;
        private boolean over;

        Term(LeaderElector elector, Runnable onStartedLeading, Runnable onStoppedLeading) {
            this.elector = elector;
            this.onStartedLeading = onStartedLeading;
            this.onStoppedLeading = onStoppedLeading;
        }

        // the elector calls this on its own hook thread, possibly after stopped()
        synchronized void started() {
            if (!over) {
                leading = true;
                onStartedLeading.run();
            }
        }

        synchronized void stopped() {
            over = true;
            if (leading) {
                leading = false;
                onStoppedLeading.run();
            }
        }

        synchronized boolean leading() {
            return leading;
        }

        void close() {
            if (closed.compareAndSet(false, true)) {
                elector.close();
            }
        }
    }
}
