package dev.notebooks.auth.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.service.AccountService;
import dev.notebooks.auth.store.PendingWriteRepository;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.TestProperties;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** AccountService written to Dex's Kubernetes storage as the Password objects Dex itself would write. */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class KubernetesBackendTest implements TestPropertyProvider {

    static final String NAMESPACE = "auth-kubernetes-backend";
    static final Duration WRITTEN = Duration.ofSeconds(15);
    static final Actor ADMIN = Actor.api("admin@example.com");

    @Inject
    AccountService accounts;

    @Inject
    DexSyncPass reconciler;

    @Inject
    AuditLog auditLog;

    @Inject
    PendingWriteRepository pendingWrites;

    private final DexCluster dex = new DexCluster(NAMESPACE);

    @Override
    public Map<String, String> getProperties() {
        return TestProperties.postgres("auth_kubernetes_backend")
                .kafka()
                .kubernetes()
                .with("platform.kube.leader-election.enabled", "false")
                .with("auth.backend", "kubernetes")
                .with("auth.dex-namespace", NAMESPACE)
                .with("auth.bcrypt-cost", "10")
                .with("auth.resync-interval", "1h")
                .build();
    }

    @Test
    void createChangePasswordAndDeleteWriteDexsPasswordObject() throws Exception {
        String email = unique("alice");
        Account created = accounts.create(email.toUpperCase(), "Alice", "a long enough passphrase", ADMIN);
        String name = DexNames.passwordName(email);

        await().atMost(WRITTEN).until(() -> dex.password(name).isPresent());
        assertThat(dex.password(name).orElseThrow())
                .containsEntry("apiVersion", "dex.coreos.com/v1")
                .containsEntry("kind", "Password")
                .containsEntry("email", email)
                .containsEntry("hash", base64(created.hash()))
                .containsEntry("username", "Alice")
                .containsEntry("userID", created.userId());
        assertThat(metadata(name)).containsEntry("name", name).containsEntry("namespace", NAMESPACE);
        assertThat(labels(name)).containsEntry("app.kubernetes.io/managed-by", "auth-service");
        assertThat(created.hash()).startsWith("$2a$10$");

        Account changed =
                accounts.changePassword(email, "a long enough passphrase", "another long passphrase", Actor.api(email));
        await().atMost(WRITTEN).until(() -> base64(changed.hash())
                .equals(dex.password(name).orElseThrow().get("hash")));

        accounts.delete(email, ADMIN);
        await().atMost(WRITTEN).until(() -> dex.password(name).isEmpty());
    }

    @Test
    void passwordObjectsDeletedOrChangedBehindTheServicesBackArePutBack() throws Exception {
        String email = unique("bob");
        Account bob = accounts.create(email, "Bob", "a long enough passphrase", ADMIN);
        String name = DexNames.passwordName(email);
        await().atMost(WRITTEN).until(() -> dex.password(name).isPresent());
        // an edit while the service's own write is still pending is not drift: it is written again as pending
        await().atMost(WRITTEN).until(() -> pendingWrites.findAll().isEmpty());

        // made while no pass runs (a pass holds the lock), so no pass reads Dex's store before it and writes after it
        synchronized (reconciler) {
            dex.deletePassword(name);
        }
        reconciler.reconcile();

        await().atMost(WRITTEN).until(() -> dex.password(name).isPresent());
        assertThat(dex.password(name).orElseThrow()).containsEntry("hash", base64(bob.hash()));
        assertThat(driftRecords(email))
                .anySatisfy(record -> assertThat(record.reason()).isEqualTo("missing in kubernetes, service-wins"));

        synchronized (reconciler) {
            dex.changePassword(name, "hash", base64("$2a$10$" + "x".repeat(53)));
        }
        reconciler.reconcile();

        assertThat(dex.password(name).orElseThrow()).containsEntry("hash", base64(bob.hash()));
        assertThat(driftRecords(email))
                .anySatisfy(record -> assertThat(record.reason()).isEqualTo("changed in kubernetes, service-wins"));
        assertThat(driftRecords(email)).allSatisfy(record -> {
            assertThat(record.before() + record.after()).doesNotContain("$2a$").doesNotContain(base64(bob.hash()));
        });
    }

    @Test
    void aPasswordObjectDeletedByHandIsPutBackByItsInformerWithoutAResync() throws Exception {
        String email = unique("carol");
        Account carol = accounts.create(email, "Carol", "a long enough passphrase", ADMIN);
        String name = DexNames.passwordName(email);
        await().atMost(WRITTEN).until(() -> dex.password(name).isPresent());
        await().atMost(WRITTEN).until(() -> pendingWrites.findAll().isEmpty());

        // no pass is called and the resync is an hour away: only the watch on Dex's Password objects can see this
        synchronized (reconciler) {
            dex.deletePassword(name);
        }

        await().atMost(WRITTEN).until(() -> dex.password(name).isPresent());
        assertThat(dex.password(name).orElseThrow()).containsEntry("hash", base64(carol.hash()));
        await().atMost(WRITTEN).untilAsserted(() -> assertThat(driftRecords(email))
                .anySatisfy(record -> assertThat(record.reason()).isEqualTo("missing in kubernetes, service-wins")));
    }

    @Test
    void anObjectOfTheServicesWithoutAnAccountIsRemovedAndOthersObjectsAreLeftAlone() throws Exception {
        String ghost = unique("ghost");
        String foreign = unique("foreign");
        synchronized (reconciler) {
            dex.createPassword(password(ghost, Map.of("app.kubernetes.io/managed-by", "auth-service")));
            dex.createPassword(password(foreign, Map.of()));
        }

        reconciler.reconcile();

        assertThat(dex.password(DexNames.passwordName(ghost))).isEmpty();
        assertThat(driftRecords(ghost))
                .anySatisfy(record -> assertThat(record.reason()).isEqualTo("unexpected in kubernetes, service-wins"));
        assertThat(dex.password(DexNames.passwordName(foreign))).isPresent();
        assertThat(driftRecords(foreign)).isEmpty();
    }

    private List<AuditRecord> driftRecords(String email) {
        return auditLog.find(new AuditQuery(
                        null, "Account", null, email, "account.drift.correct", null, null, null, 50, null))
                .items();
    }

    private static Map<String, Object> password(String email, Map<String, String> labels) {
        return Map.of(
                "apiVersion",
                "dex.coreos.com/v1",
                "kind",
                "Password",
                "metadata",
                Map.of("name", DexNames.passwordName(email), "namespace", NAMESPACE, "labels", labels),
                "email",
                email,
                "hash",
                base64("$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72"),
                "username",
                "someone",
                "userID",
                UUID.randomUUID().toString());
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> metadata(String name) throws Exception {
        return (Map<String, Object>) dex.password(name).orElseThrow().get("metadata");
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> labels(String name) throws Exception {
        return (Map<String, Object>) metadata(name).get("labels");
    }

    static String base64(String hash) {
        return Base64.getEncoder().encodeToString(hash.getBytes(StandardCharsets.UTF_8));
    }

    static String unique(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }
}
