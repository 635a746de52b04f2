package dev.notebooks.profile.service.usage;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.usage.UsageCorrected;
import dev.notebooks.platform.events.usage.UsagePeriodClosed;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.profile.UsageSettings;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.store.usage.ProfileLedgerState;
import dev.notebooks.profile.store.usage.PublishedPeriod;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Closed periods: each profile's periods (hours by default) are published once, {@code usage.period-closed.v1} on the
 * {@code usage} topic through the outbox, a configurable delay after they end; a fact that later changes one records a
 * correction and publishes {@code usage.corrected.v1} in the fact's own transaction. Both hold the profile's ledger
 * row lock, so a period is never published without a fact that was being written into it, nor changed silently.
 *
 * <p>A period the ledger never published (before the profile's first fact was known) counts as published empty: a
 * fact that lands there is a correction from zero.
 */
@Singleton
public class UsagePeriods {

    private static final Logger LOG = LoggerFactory.getLogger(UsagePeriods.class);

    /** The most periods one profile closes in one transaction; a longer backlog takes several passes. */
    static final int MAX_PERIODS_PER_PASS = 24 * 31;

    private final UsageSettings settings;
    private final UsageLedgerStore store;
    private final PeriodTotals periodTotals;
    private final UsagePricing pricing;
    private final Outbox outbox;
    private final String source;

    UsagePeriods(
            UsageSettings settings,
            UsageLedgerStore store,
            PeriodTotals periodTotals,
            UsagePricing pricing,
            Outbox outbox,
            EventsConfiguration events) {
        this.settings = settings;
        this.store = store;
        this.periodTotals = periodTotals;
        this.pricing = pricing;
        this.outbox = outbox;
        this.source = events.getSource();
    }

    public Granularity period() {
        return settings.getPeriod();
    }

    /** The end of the last period due for closing at the given time. */
    public Instant boundary(Instant now) {
        return period().floor(now.minus(settings.getCloseDelay()));
    }

    /** Profiles with periods due by {@code boundary}, by name after {@code after}. */
    @Transactional
    public java.util.List<String> due(Instant boundary, String after, int limit) {
        return store.profilesToClose(boundary, after, limit);
    }

    /**
     * Closes the profile's due periods up to {@code boundary}, at most {@link #MAX_PERIODS_PER_PASS}.
     *
     * @return how many periods were closed
     */
    @Transactional
    public int close(String profile, Instant boundary) {
        Optional<ProfileLedgerState> locked = store.lockForClosing(profile);
        if (locked.isEmpty()) {
            return 0;
        }
        ProfileLedgerState state = locked.get();
        Granularity period = period();
        Instant start = state.closedThrough() != null ? state.closedThrough() : period.floor(state.firstAt());
        if (!start.isBefore(boundary)) {
            return 0;
        }
        Instant end = start;
        for (int count = 0; count < MAX_PERIODS_PER_PASS && end.isBefore(boundary); count++) {
            end = period.next(end);
        }
        TreeMap<Instant, UsageTotals> totals = periodTotals.of(profile, start, end, period);
        for (Map.Entry<Instant, UsageTotals> closed : totals.entrySet()) {
            Instant from = closed.getKey();
            Instant to = period.next(from);
            store.savePublished(
                    new PublishedPeriod(profile, from, to, closed.getValue().canonical(), 0));
            outbox.publish(PlatformEvent.of(
                    source,
                    profile,
                    new UsagePeriodClosed(actor(), profile, from, to, pricing.figures(closed.getValue()))));
        }
        store.setClosedThrough(profile, end);
        return totals.size();
    }

    /**
     * After a fact changed the profile's usage in the closed periods between {@code from} and {@code to} (period
     * starts), records and announces each period whose totals differ from those published. Runs in the fact's
     * transaction, under the profile's lock.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void revise(Fact fact, Instant from, Instant to) {
        Granularity period = period();
        for (Map.Entry<Instant, UsageTotals> now :
                periodTotals.of(fact.profile(), from, to, period).entrySet()) {
            Instant start = now.getKey();
            Optional<PublishedPeriod> published = store.published(fact.profile(), start);
            String before = published.map(PublishedPeriod::totals).orElse("");
            String after = now.getValue().canonical();
            if (before.equals(after)) {
                continue;
            }
            PublishedPeriod revised = new PublishedPeriod(
                    fact.profile(),
                    start,
                    period.next(start),
                    after,
                    published.map(PublishedPeriod::revision).orElse(0) + 1);
            store.savePublished(revised);
            store.recordCorrection(revised, before, fact.eventId(), fact.eventType());
            outbox.publish(PlatformEvent.of(
                    source,
                    fact.profile(),
                    new UsageCorrected(
                            actor(),
                            fact.profile(),
                            revised.start(),
                            revised.end(),
                            revised.revision(),
                            pricing.figures(UsageTotals.parse(before)),
                            pricing.figures(now.getValue()),
                            fact.eventType(),
                            fact.eventId().toString())));
            LOG.info(
                    "Usage of profile {} for {} corrected (revision {}) by late {} {}",
                    fact.profile(),
                    start,
                    revised.revision(),
                    fact.eventType(),
                    fact.eventId());
        }
    }

    private Actor actor() {
        return Actor.controller(source);
    }
}
