package dev.notebooks.profile.store.usage;

import dev.notebooks.profile.domain.usage.Amounts;
import dev.notebooks.profile.domain.usage.Fact;
import dev.notebooks.profile.domain.usage.Meter;
import dev.notebooks.profile.domain.usage.ResourceKind;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

/** JDBC conversions of the ledger's values. */
final class LedgerRows {

    private LedgerRows() {}

    static void setInstant(PreparedStatement statement, int index, Instant instant) throws SQLException {
        statement.setObject(index, instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
    }

    static Instant instant(ResultSet rows, String column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** A fact from a row with the columns of usage_fact (or usage_tail, which has no event_type). */
    static Fact fact(ResultSet rows, boolean withType) throws SQLException {
        Meter meter = new Meter(
                rows.getBoolean("running"),
                rows.getBigDecimal("cpu"),
                rows.getBigDecimal("memory"),
                rows.getInt("gpus"),
                rows.getBigDecimal("storage"),
                rows.getString("dimension"));
        return new Fact(
                rows.getObject("event_id", UUID.class),
                rows.getString("profile"),
                ResourceKind.of(rows.getString("kind")),
                rows.getString("resource"),
                instant(rows, "at"),
                rows.getInt("rank"),
                meter,
                withType ? rows.getString("event_type") : null);
    }

    static Amounts amounts(ResultSet rows) throws SQLException {
        return new Amounts(
                rows.getBigDecimal("cpu_core_ms"),
                rows.getBigDecimal("memory_byte_ms"),
                rows.getBigDecimal("gpu_ms"),
                rows.getBigDecimal("storage_byte_ms"));
    }
}
