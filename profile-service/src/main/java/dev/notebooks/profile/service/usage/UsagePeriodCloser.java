package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.UsageSettings;
import io.micronaut.scheduling.annotation.Scheduled;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closes due periods every {@code usage.close-check-interval}, each profile in a transaction of its own. Safe on
 * every replica at once: a profile's closing holds its ledger row and picks up where the last one ended.
 */
@Singleton
public class UsagePeriodCloser {

    private static final Logger LOG = LoggerFactory.getLogger(UsagePeriodCloser.class);
    private static final int PROFILES_PER_QUERY = 100;

    private final UsageSettings settings;
    private final UsagePeriods periods;

    UsagePeriodCloser(UsageSettings settings, UsagePeriods periods) {
        this.settings = settings;
        this.periods = periods;
    }

    @Scheduled(fixedDelay = "${usage.close-check-interval:1m}", initialDelay = "${usage.close-check-interval:1m}")
    void scheduled() {
        if (!settings.isClosingEnabled()) {
            return;
        }
        try {
            closeDue(Instant.now());
        } catch (RuntimeException e) {
            LOG.warn("Closing usage periods failed; the next pass tries again", e);
        }
    }

    /** @return how many periods were closed */
    public int closeDue(Instant now) {
        Instant boundary = periods.boundary(now);
        int closed = 0;
        String after = "";
        while (true) {
            List<String> page = periods.due(boundary, after, PROFILES_PER_QUERY);
            if (page.isEmpty()) {
                return closed;
            }
            for (String profile : page) {
                int count;
                do {
                    count = periods.close(profile, boundary);
                    closed += count;
                } while (count == UsagePeriods.MAX_PERIODS_PER_PASS);
            }
            after = page.get(page.size() - 1);
        }
    }
}
