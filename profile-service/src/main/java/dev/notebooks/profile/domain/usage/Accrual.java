package dev.notebooks.profile.domain.usage;

import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/** A meter over a time span, split into buckets of a granularity: what the ledger's hourly rows are made of. */
public final class Accrual {

    private Accrual() {}

    /**
     * @return per bucket start, what the meter accrues in that bucket between {@code from} and {@code to}; empty when
     *     it does not run or the span is empty
     */
    public static Map<Instant, Amounts> split(Meter meter, Instant from, Instant to, Granularity granularity) {
        Map<Instant, Amounts> buckets = new LinkedHashMap<>();
        if (!meter.running() || !from.isBefore(to)) {
            return buckets;
        }
        Instant bucket = granularity.floor(from);
        while (bucket.isBefore(to)) {
            Instant next = granularity.next(bucket);
            Instant start = bucket.isAfter(from) ? bucket : from;
            Instant end = next.isBefore(to) ? next : to;
            long millis = Duration.between(start, end).toMillis();
            if (millis > 0) {
                buckets.put(bucket, meter.over(millis));
            }
            bucket = next;
        }
        return buckets;
    }

    /** What the meter accrues between the two instants (zero when {@code to} is not after {@code from}). */
    public static Amounts between(Meter meter, Instant from, Instant to) {
        return from.isBefore(to) ? meter.over(Duration.between(from, to).toMillis()) : Amounts.ZERO;
    }
}
