package dev.notebooks.profile.store.usage;

import static dev.notebooks.profile.store.usage.LedgerRows.instant;
import static dev.notebooks.profile.store.usage.LedgerRows.setInstant;

import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Granularity;
import dev.notebooks.profile.domain.usage.ResourceKey;
import dev.notebooks.profile.domain.usage.ResourceKind;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.UUID;

/** The usage ledger's tables (V2__usage_ledger.sql), in the caller's transaction. */
@Singleton
public class UsageLedgerStore {

    private static final String FACT_COLUMNS =
            "event_id, profile, kind, resource, at, rank, running, cpu, memory, gpus, storage, dimension";

    private static final String TAIL_UPSERT = "insert into usage_tail (" + FACT_COLUMNS
            + ") values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
            + " on conflict (profile, kind, resource) do update set event_id = excluded.event_id,"
            + " at = excluded.at, rank = excluded.rank, running = excluded.running, cpu = excluded.cpu,"
            + " memory = excluded.memory, gpus = excluded.gpus, storage = excluded.storage,"
            + " dimension = excluded.dimension";

    private static final String HOUR_CONFLICT = " on conflict (profile, hour, kind, resource, dimension) do update set"
            + " cpu_core_ms = usage_hour.cpu_core_ms + excluded.cpu_core_ms,"
            + " memory_byte_ms = usage_hour.memory_byte_ms + excluded.memory_byte_ms,"
            + " gpu_ms = usage_hour.gpu_ms + excluded.gpu_ms,"
            + " storage_byte_ms = usage_hour.storage_byte_ms + excluded.storage_byte_ms";

    private final JdbcOperations jdbc;

    UsageLedgerStore(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes the profile known to the ledger (or moves its first fact earlier) and locks its row until the transaction
     * ends.
     *
     * @return the profile's state, read under the lock
     */
    public ProfileLedgerState lockForFact(String profile, Instant at) {
        return jdbc.prepareStatement(
                "insert into usage_profile (profile, first_at) values (?, ?) on conflict (profile) do update"
                        + " set first_at = least(usage_profile.first_at, excluded.first_at)"
                        + " returning profile, first_at, closed_through",
                statement -> {
                    statement.setString(1, profile);
                    setInstant(statement, 2, at);
                    try (ResultSet rows = statement.executeQuery()) {
                        rows.next();
                        return state(rows);
                    }
                });
    }

    /**
     * {@link #lockForFact} for a batch: makes every profile known (or moves its first fact earlier) and locks their rows,
     * in name order so that two batches never wait for each other in a circle, in one statement.
     *
     * @param firstAt per profile, its earliest fact in the batch
     * @return per profile, its state read under the lock
     */
    public Map<String, ProfileLedgerState> lockForFacts(SortedMap<String, Instant> firstAt) {
        return jdbc.prepareStatement(
                "insert into usage_profile (profile, first_at) select p, cast(a as timestamptz)"
                        + " from unnest(cast(? as text[]), cast(? as text[])) as u(p, a) order by p"
                        + " on conflict (profile) do update set first_at = least(usage_profile.first_at,"
                        + " excluded.first_at) returning profile, first_at, closed_through",
                statement -> {
                    statement.setArray(1, textArray(statement, firstAt.keySet()));
                    statement.setArray(
                            2,
                            textArray(
                                    statement,
                                    firstAt.values().stream()
                                            .map(Instant::toString)
                                            .toList()));
                    Map<String, ProfileLedgerState> states = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            ProfileLedgerState state = state(rows);
                            states.put(state.profile(), state);
                        }
                    }
                    return states;
                });
    }

    /** The open intervals (last facts) of the resources that have any, in one query. */
    public Map<ResourceKey, Fact> tails(Collection<ResourceKey> resources) {
        if (resources.isEmpty()) {
            return Map.of();
        }
        return jdbc.prepareStatement(
                "select " + FACT_COLUMNS + " from usage_tail t"
                        + " join unnest(cast(? as text[]), cast(? as text[]), cast(? as text[])) as k(p, k, r)"
                        + " on t.profile = k.p and t.kind = k.k and t.resource = k.r",
                statement -> {
                    statement.setArray(
                            1,
                            textArray(
                                    statement,
                                    resources.stream().map(ResourceKey::profile).toList()));
                    statement.setArray(
                            2,
                            textArray(
                                    statement,
                                    resources.stream()
                                            .map(key -> key.kind().value())
                                            .toList()));
                    statement.setArray(
                            3,
                            textArray(
                                    statement,
                                    resources.stream()
                                            .map(ResourceKey::resource)
                                            .toList()));
                    Map<ResourceKey, Fact> tails = new HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            Fact tail = LedgerRows.fact(rows, false);
                            tails.put(tail.resourceKey(), tail);
                        }
                    }
                    return tails;
                });
    }

    /** Inserts facts known to be new (their events were delivered for the first time, after their resource's tail). */
    public void insertFacts(List<Fact> facts) {
        if (facts.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "insert into usage_fact (" + FACT_COLUMNS + ", event_type)"
                        + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                statement -> {
                    for (Fact fact : facts) {
                        setFact(statement, fact);
                        statement.setString(13, fact.eventType());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /** {@link #setTail} for many resources, one fact each. */
    public void setTails(Collection<Fact> tails) {
        if (tails.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(TAIL_UPSERT, statement -> {
            for (Fact fact : tails) {
                setFact(statement, fact);
                statement.addBatch();
            }
            return statement.executeBatch();
        });
    }

    /**
     * Adds the amounts to the hourly rows, in one statement (each cell once; negative amounts move usage out of an
     * hour).
     */
    public void addHours(Map<HourCell, Amounts> cells) {
        if (cells.isEmpty()) {
            return;
        }
        List<String> profiles = new ArrayList<>(cells.size());
        List<String> hours = new ArrayList<>(cells.size());
        List<String> kinds = new ArrayList<>(cells.size());
        List<String> resources = new ArrayList<>(cells.size());
        List<String> dimensions = new ArrayList<>(cells.size());
        List<String> cpu = new ArrayList<>(cells.size());
        List<String> memory = new ArrayList<>(cells.size());
        List<String> gpu = new ArrayList<>(cells.size());
        List<String> storage = new ArrayList<>(cells.size());
        cells.forEach((cell, amounts) -> {
            profiles.add(cell.profile());
            hours.add(cell.hour().toString());
            kinds.add(cell.kind().value());
            resources.add(cell.resource());
            dimensions.add(cell.dimension());
            cpu.add(amounts.cpuCoreMs().toPlainString());
            memory.add(amounts.memoryByteMs().toPlainString());
            gpu.add(amounts.gpuMs().toPlainString());
            storage.add(amounts.storageByteMs().toPlainString());
        });
        jdbc.prepareStatement(
                "insert into usage_hour (profile, hour, kind, resource, dimension, cpu_core_ms, memory_byte_ms,"
                        + " gpu_ms, storage_byte_ms) select p, cast(h as timestamptz), k, r, d, cast(c as numeric),"
                        + " cast(m as numeric), cast(g as numeric), cast(s as numeric) from unnest(cast(? as text[]),"
                        + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]),"
                        + " cast(? as text[]), cast(? as text[]), cast(? as text[]), cast(? as text[]))"
                        + " as u(p, h, k, r, d, c, m, g, s)" + HOUR_CONFLICT,
                statement -> {
                    List<List<String>> columns =
                            List.of(profiles, hours, kinds, resources, dimensions, cpu, memory, gpu, storage);
                    for (int i = 0; i < columns.size(); i++) {
                        statement.setArray(i + 1, textArray(statement, columns.get(i)));
                    }
                    return statement.executeUpdate();
                });
    }

    /** Locks the profile's row for closing its periods; empty when the ledger does not know it. */
    public Optional<ProfileLedgerState> lockForClosing(String profile) {
        return jdbc.prepareStatement(
                "select profile, first_at, closed_through from usage_profile where profile = ? for update",
                statement -> {
                    statement.setString(1, profile);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(state(rows)) : Optional.empty();
                    }
                });
    }

    public void setClosedThrough(String profile, Instant closedThrough) {
        jdbc.prepareStatement("update usage_profile set closed_through = ? where profile = ?", statement -> {
            setInstant(statement, 1, closedThrough);
            statement.setString(2, profile);
            return statement.executeUpdate();
        });
    }

    /** Profiles with a period ending at or before {@code boundary} not yet closed. */
    public List<String> profilesToClose(Instant boundary, String after, int limit) {
        return jdbc.prepareStatement(
                "select profile from usage_profile where (closed_through is null or closed_through < ?)"
                        + " and profile > ? order by profile limit ?",
                statement -> {
                    setInstant(statement, 1, boundary);
                    statement.setString(2, after);
                    statement.setInt(3, limit);
                    return strings(statement);
                });
    }

    /** A page of the profiles the ledger knows, by name after the cursor. */
    public List<String> profiles(String after, int limit) {
        return jdbc.prepareStatement(
                "select profile from usage_profile where profile > ? order by profile limit ?", statement -> {
                    statement.setString(1, after == null ? "" : after);
                    statement.setInt(2, limit);
                    return strings(statement);
                });
    }

    /** @return false when a fact of that event is already there */
    public boolean insertFact(Fact fact) {
        return jdbc.prepareStatement(
                        "insert into usage_fact (" + FACT_COLUMNS + ", event_type)"
                                + " values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) on conflict do nothing",
                        statement -> {
                            setFact(statement, fact);
                            statement.setString(13, fact.eventType());
                            return statement.executeUpdate();
                        })
                == 1;
    }

    /** The resource's fact just before the given one in {@link Fact#ORDER}. */
    public Optional<Fact> previous(Fact fact) {
        return neighbour(fact, "(at, rank, event_id) < (?, ?, ?) order by at desc, rank desc, event_id desc");
    }

    /** The resource's fact just after the given one in {@link Fact#ORDER}. */
    public Optional<Fact> next(Fact fact) {
        return neighbour(fact, "(at, rank, event_id) > (?, ?, ?) order by at, rank, event_id");
    }

    private Optional<Fact> neighbour(Fact fact, String condition) {
        return jdbc.prepareStatement(
                "select " + FACT_COLUMNS
                        + ", event_type from usage_fact where profile = ? and kind = ? and resource = ?" + " and "
                        + condition + " limit 1",
                statement -> {
                    statement.setString(1, fact.profile());
                    statement.setString(2, fact.kind().value());
                    statement.setString(3, fact.resource());
                    setInstant(statement, 4, fact.at());
                    statement.setInt(5, fact.rank());
                    statement.setObject(6, fact.eventId());
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next() ? Optional.of(LedgerRows.fact(rows, true)) : Optional.empty();
                    }
                });
    }

    /** Makes the fact its resource's open interval. */
    public void setTail(Fact fact) {
        jdbc.prepareStatement(TAIL_UPSERT, statement -> {
            setFact(statement, fact);
            return statement.executeUpdate();
        });
    }

    /** The profile's resources whose last fact runs and started before {@code before}: open intervals. */
    public List<Fact> runningTails(String profile, Instant before) {
        return jdbc.prepareStatement(
                "select " + FACT_COLUMNS + " from usage_tail where profile = ? and running and at < ?"
                        + " order by kind, resource",
                statement -> {
                    statement.setString(1, profile);
                    setInstant(statement, 2, before);
                    List<Fact> tails = new ArrayList<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            tails.add(LedgerRows.fact(rows, false));
                        }
                    }
                    return tails;
                });
    }

    /** Adds the amounts to the resource's hourly rows (negative ones move usage out of an hour). */
    public void addHours(
            String profile, ResourceKind kind, String resource, String dimension, Map<Instant, Amounts> hours) {
        if (hours.isEmpty()) {
            return;
        }
        jdbc.prepareStatement(
                "insert into usage_hour (profile, hour, kind, resource, dimension, cpu_core_ms, memory_byte_ms,"
                        + " gpu_ms, storage_byte_ms) values (?, ?, ?, ?, ?, ?, ?, ?, ?)" + HOUR_CONFLICT,
                statement -> {
                    for (Map.Entry<Instant, Amounts> hour : hours.entrySet()) {
                        Amounts amounts = hour.getValue();
                        statement.setString(1, profile);
                        setInstant(statement, 2, hour.getKey());
                        statement.setString(3, kind.value());
                        statement.setString(4, resource);
                        statement.setString(5, dimension);
                        statement.setBigDecimal(6, amounts.cpuCoreMs());
                        statement.setBigDecimal(7, amounts.memoryByteMs());
                        statement.setBigDecimal(8, amounts.gpuMs());
                        statement.setBigDecimal(9, amounts.storageByteMs());
                        statement.addBatch();
                    }
                    return statement.executeBatch();
                });
    }

    /**
     * The hourly rows of the profile between the two instants (hour starts), summed per bucket of the granularity,
     * per resource and dimension; rows whose figures are all zero are left out.
     */
    public List<UsageRow> rows(String profile, Instant from, Instant to, Granularity granularity) {
        return jdbc.prepareStatement(
                "select date_trunc(?, hour, 'UTC') as bucket, kind, resource, dimension, sum(cpu_core_ms) as cpu_core_ms,"
                        + " sum(memory_byte_ms) as memory_byte_ms, sum(gpu_ms) as gpu_ms,"
                        + " sum(storage_byte_ms) as storage_byte_ms from usage_hour"
                        + " where profile = ? and hour >= ? and hour < ?"
                        + " group by 1, kind, resource, dimension order by 1, kind, resource, dimension",
                statement -> {
                    statement.setString(1, granularity.value());
                    statement.setString(2, profile);
                    setInstant(statement, 3, from);
                    setInstant(statement, 4, to);
                    List<UsageRow> rows = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            Amounts amounts = LedgerRows.amounts(result);
                            if (!amounts.isZero()) {
                                rows.add(new UsageRow(
                                        profile,
                                        instant(result, "bucket"),
                                        ResourceKind.of(result.getString("kind")),
                                        result.getString("resource"),
                                        result.getString("dimension"),
                                        amounts));
                            }
                        }
                    }
                    return rows;
                });
    }

    /** The hourly rows of the profile summed per bucket, kind and dimension (what periods publish). */
    public List<UsageRow> partSums(String profile, Instant from, Instant to, Granularity granularity) {
        return jdbc.prepareStatement(
                "select date_trunc(?, hour, 'UTC') as bucket, kind, dimension, sum(cpu_core_ms) as cpu_core_ms,"
                        + " sum(memory_byte_ms) as memory_byte_ms, sum(gpu_ms) as gpu_ms,"
                        + " sum(storage_byte_ms) as storage_byte_ms from usage_hour"
                        + " where profile = ? and hour >= ? and hour < ? group by 1, kind, dimension",
                statement -> {
                    statement.setString(1, granularity.value());
                    statement.setString(2, profile);
                    setInstant(statement, 3, from);
                    setInstant(statement, 4, to);
                    List<UsageRow> rows = new ArrayList<>();
                    try (ResultSet result = statement.executeQuery()) {
                        while (result.next()) {
                            rows.add(new UsageRow(
                                    profile,
                                    instant(result, "bucket"),
                                    ResourceKind.of(result.getString("kind")),
                                    null,
                                    result.getString("dimension"),
                                    LedgerRows.amounts(result)));
                        }
                    }
                    return rows;
                });
    }

    public Optional<PublishedPeriod> published(String profile, Instant start) {
        return jdbc.prepareStatement(
                "select profile, period_start, period_end, totals, revision from usage_period"
                        + " where profile = ? and period_start = ?",
                statement -> {
                    statement.setString(1, profile);
                    setInstant(statement, 2, start);
                    try (ResultSet rows = statement.executeQuery()) {
                        return rows.next()
                                ? Optional.of(new PublishedPeriod(
                                        rows.getString("profile"),
                                        instant(rows, "period_start"),
                                        instant(rows, "period_end"),
                                        rows.getString("totals"),
                                        rows.getInt("revision")))
                                : Optional.empty();
                    }
                });
    }

    /** The periods published for the profile starting from {@code from} up to {@code to}, by start. */
    public Map<Instant, PublishedPeriod> publishedBetween(String profile, Instant from, Instant to) {
        return jdbc.prepareStatement(
                "select profile, period_start, period_end, totals, revision from usage_period"
                        + " where profile = ? and period_start >= ? and period_start < ?",
                statement -> {
                    statement.setString(1, profile);
                    setInstant(statement, 2, from);
                    setInstant(statement, 3, to);
                    Map<Instant, PublishedPeriod> periods = new java.util.HashMap<>();
                    try (ResultSet rows = statement.executeQuery()) {
                        while (rows.next()) {
                            PublishedPeriod period = new PublishedPeriod(
                                    rows.getString("profile"),
                                    instant(rows, "period_start"),
                                    instant(rows, "period_end"),
                                    rows.getString("totals"),
                                    rows.getInt("revision"));
                            periods.put(period.start(), period);
                        }
                    }
                    return periods;
                });
    }

    /** Stores what was published for the period (revision 0 when closed, then one more per correction). */
    public void savePublished(PublishedPeriod period) {
        jdbc.prepareStatement(
                "insert into usage_period (profile, period_start, period_end, totals, revision) values (?, ?, ?, ?, ?)"
                        + " on conflict (profile, period_start) do update set totals = excluded.totals,"
                        + " revision = excluded.revision",
                statement -> {
                    statement.setString(1, period.profile());
                    setInstant(statement, 2, period.start());
                    setInstant(statement, 3, period.end());
                    statement.setString(4, period.totals());
                    statement.setInt(5, period.revision());
                    return statement.executeUpdate();
                });
    }

    public void recordCorrection(PublishedPeriod after, String before, UUID eventId, String eventType) {
        jdbc.prepareStatement(
                "insert into usage_correction (profile, period_start, period_end, revision, event_id, event_type,"
                        + " before, after) values (?, ?, ?, ?, ?, ?, ?, ?)",
                statement -> {
                    statement.setString(1, after.profile());
                    setInstant(statement, 2, after.start());
                    setInstant(statement, 3, after.end());
                    statement.setInt(4, after.revision());
                    statement.setObject(5, eventId);
                    statement.setString(6, eventType);
                    statement.setString(7, before);
                    statement.setString(8, after.totals());
                    return statement.executeUpdate();
                });
    }

    /** How many corrections the profile's periods have had. */
    public int corrections(String profile) {
        return jdbc.prepareStatement("select count(*) from usage_correction where profile = ?", statement -> {
            statement.setString(1, profile);
            try (ResultSet rows = statement.executeQuery()) {
                rows.next();
                return rows.getInt(1);
            }
        });
    }

    private static void setFact(PreparedStatement statement, Fact fact) throws SQLException {
        statement.setObject(1, fact.eventId());
        statement.setString(2, fact.profile());
        statement.setString(3, fact.kind().value());
        statement.setString(4, fact.resource());
        setInstant(statement, 5, fact.at());
        statement.setInt(6, fact.rank());
        statement.setBoolean(7, fact.meter().running());
        statement.setBigDecimal(8, fact.meter().cpu());
        statement.setBigDecimal(9, fact.meter().memory());
        statement.setInt(10, fact.meter().gpus());
        statement.setBigDecimal(11, fact.meter().storage());
        statement.setString(12, fact.meter().dimension());
    }

    private static ProfileLedgerState state(ResultSet rows) throws SQLException {
        return new ProfileLedgerState(
                rows.getString("profile"), instant(rows, "first_at"), instant(rows, "closed_through"));
    }

    private static java.sql.Array textArray(PreparedStatement statement, Collection<String> values)
            throws SQLException {
        return statement.getConnection().createArrayOf("text", values.toArray());
    }

    private static List<String> strings(PreparedStatement statement) throws SQLException {
        List<String> values = new ArrayList<>();
        try (ResultSet rows = statement.executeQuery()) {
            while (rows.next()) {
                values.add(rows.getString(1));
            }
        }
        return values;
    }
}
