package dev.notebooks.profile.service.usage;

import dev.notebooks.profile.domain.usage.Accrual;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import dev.notebooks.profile.store.usage.UsageRow;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

/** A profile's totals per bucket: its hourly rows plus what its open intervals accrue in each bucket. */
@Singleton
public class PeriodTotals {

    private final UsageLedgerStore store;

    PeriodTotals(UsageLedgerStore store) {
        this.store = store;
    }

    /**
     * @param from a bucket start
     * @param to a bucket start after {@code from}; open intervals accrue up to it
     * @return every bucket between them, in order, with its totals (empty ones included)
     */
    public TreeMap<Instant, UsageTotals> of(String profile, Instant from, Instant to, Granularity granularity) {
        TreeMap<Instant, UsageTotals> buckets = new TreeMap<>();
        for (Instant bucket = from; bucket.isBefore(to); bucket = granularity.next(bucket)) {
            buckets.put(bucket, new UsageTotals());
        }
        for (UsageRow row : store.partSums(profile, from, to, granularity)) {
            buckets.computeIfAbsent(row.bucket(), bucket -> new UsageTotals())
                    .add(row.kind(), row.dimension(), row.amounts());
        }
        for (Fact tail : store.runningTails(profile, to)) {
            Instant start = tail.at().isAfter(from) ? tail.at() : from;
            for (Map.Entry<Instant, Amounts> part :
                    Accrual.split(tail.meter(), start, to, granularity).entrySet()) {
                buckets.computeIfAbsent(part.getKey(), bucket -> new UsageTotals())
                        .add(tail.kind(), tail.meter().dimension(), part.getValue());
            }
        }
        return buckets;
    }
}
