package dev.notebooks.platform.outbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditLogTest implements TestPropertyProvider {

    private static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    @Inject
    AuditLog auditLog;

    @Inject
    TransactionOperations<Connection> transactions;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @Test
    void allowedDeniedAndFailedAttemptsAreFoundByTheirFilters() {
        String namespace = namespace();
        AuditRecord created = AuditRecord.allowed("profile.create")
                .actor("alice@example.com", "10.0.0.7")
                .resource("Profile", namespace, "alice")
                .after("{\"owner\":\"alice@example.com\"}")
                .requestId("req-1")
                .time(T0)
                .build();
        AuditRecord denied = AuditRecord.denied("profile.delete", "bob is not an owner")
                .actor("bob@example.com", "10.0.0.8")
                .resource("Profile", namespace, "alice")
                .time(T0.plusSeconds(1))
                .build();
        AuditRecord failed = AuditRecord.failed("contributor.add", "no such user")
                .actor("alice@example.com", "10.0.0.7")
                .resource("RoleBinding", namespace, "user-carol")
                .time(T0.plusSeconds(2))
                .build();
        List.of(created, denied, failed).forEach(auditLog::record);
        AuditQuery inNamespace = AuditQuery.newestFirst().withNamespace(namespace);

        assertThat(auditLog.find(inNamespace).items()).containsExactly(failed, denied, normalized(created));
        assertThat(auditLog.find(inNamespace.withOutcome(Outcome.DENIED)).items())
                .containsExactly(denied);
        assertThat(auditLog.find(inNamespace.withActor("alice@example.com")).items())
                .containsExactly(failed, normalized(created));
        assertThat(auditLog.find(inNamespace.withAction("profile.create")).items())
                .containsExactly(normalized(created));
        assertThat(auditLog.find(inNamespace.withResource("Profile", namespace, "alice"))
                        .items())
                .containsExactly(denied, normalized(created));
        assertThat(auditLog.find(inNamespace.between(T0.plusSeconds(1), T0.plusSeconds(2)))
                        .items())
                .containsExactly(denied);
    }

    @Test
    void pagesWalkEveryRecordNewestFirstWithoutOverlap() {
        String namespace = namespace();
        List<AuditRecord> recorded = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            AuditRecord record = AuditRecord.allowed("notebook.start")
                    .actor("alice@example.com", "10.0.0.7")
                    .resource("Notebook", namespace, "nb-" + i)
                    .time(T0.plusSeconds(i / 2)) // pairs share a time: the id breaks the tie
                    .build();
            auditLog.record(record);
            recorded.add(record);
        }

        List<AuditRecord> walked = new ArrayList<>();
        List<Integer> pageSizes = new ArrayList<>();
        AuditQuery query = AuditQuery.newestFirst().withNamespace(namespace).withLimit(3);
        AuditPage page = auditLog.find(query);
        while (true) {
            walked.addAll(page.items());
            pageSizes.add(page.items().size());
            if (page.nextCursor() == null) {
                break;
            }
            page = auditLog.find(query.after(page.nextCursor()));
        }

        assertThat(pageSizes).containsExactly(3, 3, 1);
        assertThat(walked).containsExactlyInAnyOrderElementsOf(recorded).isSortedAccordingTo((a, b) -> b.time()
                .compareTo(a.time()));
    }

    @Test
    void theTableRejectsUpdateDeleteAndTruncate() {
        AuditRecord record = AuditRecord.allowed("profile.create")
                .actor("alice@example.com", "10.0.0.7")
                .resource("Profile", null, "alice")
                .build();
        auditLog.record(record);

        assertThatThrownBy(() -> execute("update audit_record set actor = 'mallory' where id = ?", record.id()))
                .hasStackTraceContaining("audit_record is append-only");
        assertThatThrownBy(() -> execute("delete from audit_record where id = ?", record.id()))
                .hasStackTraceContaining("audit_record is append-only");
        assertThatThrownBy(() -> execute("truncate audit_record", null))
                .hasStackTraceContaining("audit_record is append-only");
        assertThat(auditLog.find(AuditQuery.newestFirst().withResource("Profile", null, "alice"))
                        .items())
                .contains(record);
    }

    @Test
    void aDenialRecordedInItsOwnTransactionOutlivesTheCallersRollback() {
        String namespace = namespace();
        AuditRecord allowed = AuditRecord.allowed("volume.create")
                .actor("alice@example.com", "10.0.0.7")
                .resource("PersistentVolumeClaim", namespace, "data")
                .build();
        AuditRecord denied = AuditRecord.denied("volume.delete", "in use by a notebook")
                .actor("alice@example.com", "10.0.0.7")
                .resource("PersistentVolumeClaim", namespace, "data")
                .build();

        transactions.executeWrite(status -> {
            auditLog.record(allowed);
            auditLog.recordInOwnTransaction(denied);
            status.setRollbackOnly();
            return null;
        });

        assertThat(auditLog.find(AuditQuery.newestFirst().withNamespace(namespace))
                        .items())
                .containsExactly(denied);
    }

    @Test
    void aCursorThisLogDidNotIssueIsRejected() {
        assertThatThrownBy(() -> auditLog.find(AuditQuery.newestFirst().after("not-a-cursor")))
                .isInstanceOf(IllegalArgumentException.class);
    }

    /** PostgreSQL's jsonb gives JSON back in its own spacing. */
    private static AuditRecord normalized(AuditRecord record) {
        return new AuditRecord(
                record.id(),
                record.time(),
                record.actor(),
                record.source(),
                record.action(),
                record.resourceKind(),
                record.namespace(),
                record.name(),
                record.outcome(),
                record.reason(),
                record.before(),
                record.after() == null ? null : record.after().replace("\":\"", "\": \""),
                record.requestId());
    }

    private void execute(String sql, UUID id) {
        transactions.executeWrite(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                if (id != null) {
                    statement.setObject(1, id);
                }
                return statement.execute();
            }
        });
    }

    private static String namespace() {
        return "ns-" + UUID.randomUUID().toString().substring(0, 8);
    }
}
