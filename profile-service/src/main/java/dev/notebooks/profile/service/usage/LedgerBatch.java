package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.domain.usage.Accrual;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.Meter;
import dev.notebooks.profile.domain.usage.ResourceKey;
import dev.notebooks.profile.store.usage.HourCell;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The writes of a batch of facts that each come after their resource's last fact, the case of nearly every event
 * (Kafka keeps one resource's events in order): such a fact closes the resource's open interval at its own time and
 * becomes the new one, so neither its neighbours nor the rows need reading. What it writes is collected here (facts,
 * tails, hourly amounts summed per row) and written in a few statements by {@link #flush()}; a fact that needs the
 * ledger as it stands (a late one, or one that corrects a published period) is applied after a flush, so every fact
 * sees exactly what it would have seen alone.
 */
final class LedgerBatch {

    private final UsageLedgerStore store;
    private final Map<ResourceKey, Fact> tails;
    private final List<Fact> facts = new ArrayList<>();
    private final Map<ResourceKey, Fact> changedTails = new LinkedHashMap<>();
    private final Map<HourCell, Amounts> hours = new HashMap<>();

    /** @param tails the last fact of each resource of the batch that has one, as stored */
    LedgerBatch(UsageLedgerStore store, Map<ResourceKey, Fact> tails) {
        this.store = store;
        this.tails = new HashMap<>(tails);
    }

    /** The resource's last fact, counting those of this batch. */
    Optional<Fact> tail(ResourceKey resource) {
        return Optional.ofNullable(tails.get(resource));
    }

    /** Whether the fact comes after its resource's last fact, so {@link #append} may take it. */
    boolean follows(Fact fact) {
        Fact tail = tails.get(fact.resourceKey());
        return tail == null || Fact.ORDER.compare(tail, fact) < 0;
    }

    /**
     * Appends a fact that {@link #follows} its resource's last: the open interval up to it is accrued and the fact
     * becomes the open interval.
     *
     * @return the meter that held until the fact
     */
    Meter append(Fact fact) {
        ResourceKey resource = fact.resourceKey();
        Fact tail = tails.get(resource);
        Meter before = tail == null ? Meter.OFF : tail.meter();
        if (tail != null) {
            Accrual.split(before, tail.at(), fact.at(), Granularity.HOUR)
                    .forEach((hour, amounts) -> hours.merge(
                            new HourCell(fact.profile(), hour, fact.kind(), fact.resource(), before.dimension()),
                            amounts,
                            Amounts::plus));
        }
        facts.add(fact);
        tails.put(resource, fact);
        changedTails.put(resource, fact);
        return before;
    }

    /** Writes what was collected, so the ledger's tables hold every fact appended so far. */
    void flush() {
        store.insertFacts(facts);
        store.setTails(changedTails.values());
        store.addHours(hours);
        facts.clear();
        changedTails.clear();
        hours.clear();
    }
}
