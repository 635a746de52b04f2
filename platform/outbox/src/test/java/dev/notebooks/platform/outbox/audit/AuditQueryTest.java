package dev.notebooks.platform.outbox.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.api.Test;

class AuditQueryTest {

    @Test
    void thePageSizeDefaultsAndIsKeptWithinBounds() {
        assertThat(AuditQuery.newestFirst().limit()).isEqualTo(AuditQuery.DEFAULT_LIMIT);
        assertThat(AuditQuery.newestFirst().withLimit(0).limit()).isOne();
        assertThat(AuditQuery.newestFirst().withLimit(10_000).limit()).isEqualTo(AuditQuery.MAX_LIMIT);
    }

    @Test
    void aCursorComesBackAsTheTimeAndIdItWasMadeFrom() {
        AuditCursor cursor = new AuditCursor(Instant.parse("2026-01-02T03:04:05.123456Z"), UUID.randomUUID());

        assertThat(AuditCursor.decode(cursor.encode())).isEqualTo(cursor);
    }

    @Test
    void textThatIsNotACursorIsRejected() {
        assertThatThrownBy(() -> AuditCursor.decode("bm90IGEgY3Vyc29y")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> AuditCursor.decode("%%%")).isInstanceOf(IllegalArgumentException.class);
    }
}
