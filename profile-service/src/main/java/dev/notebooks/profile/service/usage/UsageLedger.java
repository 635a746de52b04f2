package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.domain.usage.Accrual;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.Meter;
import dev.notebooks.profile.store.usage.ProfileLedgerState;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

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
