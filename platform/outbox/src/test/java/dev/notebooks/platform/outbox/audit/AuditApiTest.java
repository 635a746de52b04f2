package dev.notebooks.platform.outbox.audit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.outbox.testapp.OutboxTestApp;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.http.uri.UriBuilder;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The query parameters and response body that every service's {@code GET /api/audit} shares. */
@MicronautTest(transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuditApiTest implements TestPropertyProvider {

    @Inject
    AuditLog auditLog;

    @Inject
    @Client("/")
    HttpClient client;

    @Override
    public Map<String, String> getProperties() {
        return OutboxTestApp.properties();
    }

    @Test
    void theQueryParametersFilterAndTheCursorPages() {
        String namespace = "api-" + UUID.randomUUID().toString().substring(0, 8);
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.SECONDS);
        List<AuditRecord> denials = List.of(denied(namespace, "one", t0), denied(namespace, "two", t0.plusSeconds(1)));
        denials.forEach(auditLog::record);
        auditLog.record(AuditRecord.allowed("notebook.stop")
                .actor("alice@example.com", "10.0.0.7")
                .resource("Notebook", namespace, "three")
                .build());

        AuditPage first = get(UriBuilder.of("/api/audit")
                .queryParam("namespace", namespace)
                .queryParam("outcome", "DENIED")
                .queryParam("limit", 1));
        AuditPage second = get(UriBuilder.of("/api/audit")
                .queryParam("namespace", namespace)
                .queryParam("outcome", "DENIED")
                .queryParam("limit", 1)
                .queryParam("cursor", first.nextCursor()));

        assertThat(first.items()).containsExactly(denials.get(1));
        assertThat(second.items()).containsExactly(denials.get(0));
        assertThat(second.nextCursor()).isNull();
    }

    private AuditPage get(UriBuilder uri) {
        return client.toBlocking().retrieve(uri.build().toString(), AuditPage.class);
    }

    private static AuditRecord denied(String namespace, String name, Instant time) {
        return AuditRecord.denied("notebook.delete", "bob may only view")
                .actor("bob@example.com", "10.0.0.8")
                .resource("Notebook", namespace, name)
                .requestId("req-" + name)
                .time(time)
                .build();
    }
}
