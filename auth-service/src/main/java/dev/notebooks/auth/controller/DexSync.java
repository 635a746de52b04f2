package dev.notebooks.auth.controller;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.domain.AccountsChanged;
import dev.notebooks.platform.kube.runtime.LeaderOnly;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.runtime.event.annotation.EventListener;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the {@link DexSyncPass}: at once after every committed account change, and every
 * {@code auth.resync-interval} to find drift. One thread; requests made while a pass waits are merged into it. Only the
 * leader writes (and reports drift): other replicas skip their passes, and a new leader makes one at once.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class DexSync implements LeaderOnly {

    private static final Logger LOG = LoggerFactory.getLogger(DexSync.class);

    private final DexSyncPass reconciler;
    private final Duration interval;
    private final ScheduledExecutorService thread = Executors.newSingleThreadScheduledExecutor(runnable -> {
        Thread worker = new Thread(runnable, "dex-sync");
        worker.setDaemon(true);
        return worker;
    });
    private final AtomicBoolean queued = new AtomicBoolean();
    private volatile boolean leading;

    DexSync(DexSyncPass reconciler, AuthSettings settings) {
        this.reconciler = reconciler;
        this.interval = settings.getResyncInterval();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        thread.scheduleWithFixedDelay(this::pass, 0, interval.toMillis(), TimeUnit.MILLISECONDS);
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAccountsChanged(AccountsChanged change) {
        request();
    }

    @Override
    public void onStartedLeading() {
        leading = true;
        request();
    }

    @Override
    public void onStoppedLeading() {
        leading = false;
    }

    /** A pass as soon as the thread is free. */
    void request() {
        if (queued.compareAndSet(false, true)) {
            thread.execute(this::pass);
        }
    }

    private void pass() {
        queued.set(false);
        if (!leading) {
            return;
        }
        try {
            reconciler.reconcile();
        } catch (Exception e) {
            // the next pass tries again; the message names objects, never passwords or hashes
            LOG.warn("Writing accounts to Dex failed, will retry: {}", e.toString());
        }
    }

    @PreDestroy
    void stop() {
        thread.shutdownNow();
    }
}
