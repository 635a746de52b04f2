package dev.notebooks.profile.bench;

import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.AppenderBase;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts reconcile passes from the controller runtime's log line for each ({@code "<resource>: reconciled in N ms"}),
 * so a quiet steady state can be told from one in which the reconciler did not run. Attached in
 * {@code logback-benchmark.xml}.
 */
public class ReconcilePassCounter extends AppenderBase<ILoggingEvent> {

    private static final String RECONCILED = "{}: reconciled in {} ms{}";
    private static final LongAdder PASSES = new LongAdder();

    static long passes() {
        return PASSES.sum();
    }

    @Override
    protected void append(ILoggingEvent event) {
        if (RECONCILED.equals(event.getMessage())) {
            PASSES.increment();
        }
    }
}
