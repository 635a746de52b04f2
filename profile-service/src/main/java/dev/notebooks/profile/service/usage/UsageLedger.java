package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.domain.usage.Accrual;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.Meter;
import dev.notebooks.profile.domain.usage.ResourceKey;
import dev.notebooks.profile.store.usage.ProfileLedgerState;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Puts a fact into the ledger. A resource's facts, in the order of their own times, are its intervals: the meter of
 * each holds until the next. A fact that arrives out of order splits the interval it falls in; the ledger's hourly
 * rows change by exactly the difference (amounts moved as deltas, so duplicates aside, which the consumer drops, any
 * arrival order gives the same rows). The last fact is an open interval ({@code usage_tail}) that accrues until a later
 * fact closes it, so a lost {@code stopped} costs until the next event of the notebook, its deletion at the latest.
 *
 * <p>When the change reaches into periods already published, {@link UsagePeriods#revise} records and announces the
 * correction in the same transaction.
 */
@Singleton
public class UsageLedger {

    private final UsageLedgerStore store;
    private final UsagePeriods periods;

    UsageLedger(UsageLedgerStore store, UsagePeriods periods) {
        this.store = store;
        this.periods = periods;
    }

    /** Applies the fact in the caller's transaction (the consumer's, which remembers the event id in it). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void apply(Fact fact) {
        ProfileLedgerState state = store.lockForFact(fact.profile(), fact.at());
        if (!store.insertFact(fact)) {
            return;
        }
        Optional<Fact> previous = store.previous(fact);
        Optional<Fact> next = store.next(fact);
        Meter before = previous.map(Fact::meter).orElse(Meter.OFF);
        Instant changedUntil = null;
        if (next.isPresent()) {
            Instant end = next.get().at();
            if (!before.accruesAs(fact.meter())) {
                add(fact, before, fact.at(), end, true);
                add(fact, fact.meter(), fact.at(), end, false);
                changedUntil = end;
            }
        } else {
            previous.ifPresent(last -> add(fact, before, last.at(), fact.at(), false));
            store.setTail(fact);
            if (!before.accruesAs(fact.meter())) {
                changedUntil = Instant.MAX;
            }
        }
        if (changedUntil != null
                && state.closedThrough() != null
                && fact.at().isBefore(state.closedThrough())
                && fact.at().isBefore(changedUntil)) {
            Granularity period = periods.period();
            Instant until =
                    changedUntil.isBefore(state.closedThrough()) ? period.ceil(changedUntil) : state.closedThrough();
            periods.revise(fact, period.floor(fact.at()), until);
        }
    }

    /**
     * Applies facts in the given (arrival) order in the caller's transaction, with the same result as {@link #apply}
     * for each in turn, in a few statements for the whole batch: every profile of the batch locked at once, the
     * resources' open intervals read at once, and the facts that follow them (nearly all) written together by a
     * {@link LedgerBatch}. A late fact, and one that changes a published period, is applied alone after what came
     * before it is written.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void applyAll(List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        TreeMap<String, Instant> firstAt = new TreeMap<>();
        Set<ResourceKey> resources = new LinkedHashSet<>();
        for (Fact fact : facts) {
            firstAt.merge(fact.profile(), fact.at(), (a, b) -> a.isBefore(b) ? a : b);
            resources.add(fact.resourceKey());
        }
        Map<String, ProfileLedgerState> states = store.lockForFacts(firstAt);
        LedgerBatch batch = new LedgerBatch(store, store.tails(resources));
        for (Fact fact : facts) {
            if (!batch.follows(fact)) {
                batch.flush();
                apply(fact);
                continue;
            }
            Instant closedThrough = states.get(fact.profile()).closedThrough();
            boolean intoClosedPeriods = closedThrough != null && fact.at().isBefore(closedThrough);
            Meter before = batch.append(fact);
            if (intoClosedPeriods && !before.accruesAs(fact.meter())) {
                batch.flush();
                periods.revise(fact, periods.period().floor(fact.at()), closedThrough);
            }
        }
        batch.flush();
    }

    private void add(Fact fact, Meter meter, Instant from, Instant to, boolean negate) {
        Map<Instant, Amounts> hours = Accrual.split(meter, from, to, Granularity.HOUR);
        if (negate) {
            Map<Instant, Amounts> negated = new LinkedHashMap<>();
            hours.forEach((hour, amounts) -> negated.put(hour, amounts.negate()));
            hours = negated;
        }
        store.addHours(fact.profile(), fact.kind(), fact.resource(), meter.dimension(), hours);
    }
}
