package dev.notebooks.profile.service.usage;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.profile.domain.usage.Accrual;
import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.ResourceKind;
import dev.notebooks.profile.domain.usage.UsageTotals;
import dev.notebooks.profile.service.ProfileService;
import dev.notebooks.profile.store.usage.UsageLedgerStore;
import dev.notebooks.profile.store.usage.UsageRow;
import io.micronaut.transaction.TransactionDefinition;
import io.micronaut.transaction.annotation.Transactional;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reading the ledger: a profile's usage for its owner, contributors and admins; every profile's for admins. Each read
 * is one repeatable-read transaction, so rows and open intervals are of one moment.
 */
@Singleton
public class UsageService {

    public static final String READ = "usage.read";
    public static final String READ_ALL = "usage.read-all";

    private static final Comparator<UsageReport.Row> ROW_ORDER = Comparator.comparing(UsageReport.Row::period)
            .thenComparing(UsageReport.Row::kind)
            .thenComparing(UsageReport.Row::resource)
            .thenComparing(UsageReport.Row::dimension);

    private final UsageLedgerStore store;
    private final ProfileService profiles;
    private final AuditLog auditLog;

    UsageService(UsageLedgerStore store, ProfileService profiles, AuditLog auditLog) {
        this.store = store;
        this.profiles = profiles;
        this.auditLog = auditLog;
    }

    /**
     * @throws org.zalando.problem.ThrowableProblem 404 without the profile, 403 (audited) without a role on it; an
     *     admin may read any profile's usage, a deleted one's too
     */
    public void authorize(Caller caller, String profile) {
        if (!caller.admin()) {
            profiles.read(caller, profile);
        }
    }

    /** @throws org.zalando.problem.ThrowableProblem 403 (audited) unless the caller is an admin */
    public void authorizeAll(Caller caller) {
        if (!caller.admin()) {
            String reason = caller.user() + " is not an admin; " + READ_ALL + " needs admin";
            auditLog.recordInOwnTransaction(AuditRecord.denied(READ_ALL, reason)
                    .actor(caller.user(), caller.remoteAddress())
                    .resource("Usage", null, "*")
                    .build());
            throw ApiProblems.forbidden(reason);
        }
    }

    @Transactional(readOnly = true, isolation = TransactionDefinition.Isolation.REPEATABLE_READ)
    public UsageReport report(String profile, Instant from, Instant to, Granularity granularity, Instant now) {
        Map<RowKey, Amounts> rows = new TreeMap<>();
        for (UsageRow row : store.rows(profile, from, to, granularity)) {
            rows.merge(
                    new RowKey(row.bucket(), row.kind(), row.resource(), row.dimension()),
                    row.amounts(),
                    Amounts::plus);
        }
        Instant end = now.isBefore(to) ? now.truncatedTo(ChronoUnit.MILLIS) : to;
        for (Fact tail : store.runningTails(profile, end)) {
            Instant start = tail.at().isAfter(from) ? tail.at() : from;
            Accrual.split(tail.meter(), start, end, granularity)
                    .forEach((bucket, amounts) -> rows.merge(
                            new RowKey(
                                    bucket,
                                    tail.kind(),
                                    tail.resource(),
                                    tail.meter().dimension()),
                            amounts,
                            Amounts::plus));
        }
        UsageTotals totals = new UsageTotals();
        List<UsageReport.Row> list = new ArrayList<>();
        rows.forEach((key, amounts) -> {
            if (!amounts.isZero()) {
                totals.add(key.kind(), key.dimension(), amounts);
                list.add(new UsageReport.Row(key.period(), key.kind(), key.resource(), key.dimension(), amounts));
            }
        });
        list.sort(ROW_ORDER);
        return new UsageReport(profile, from, to, granularity, totals, list);
    }

    /** The names of the profiles the ledger knows, after the cursor. */
    @Transactional(readOnly = true)
    public List<String> profiles(String after, int limit) {
        return store.profiles(after, limit);
    }

    private record RowKey(Instant period, ResourceKind kind, String resource, String dimension)
            implements Comparable<RowKey> {

        private static final Comparator<RowKey> ORDER = Comparator.comparing(RowKey::period)
                .thenComparing(RowKey::kind)
                .thenComparing(RowKey::resource)
                .thenComparing(RowKey::dimension);

        @Override
        public int compareTo(RowKey other) {
            return ORDER.compare(this, other);
        }
    }
}
