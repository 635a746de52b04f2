package dev.notebooks.auth.api;

import dev.notebooks.auth.domain.PasswordHasher;
import dev.notebooks.platform.testing.TestProperties;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;

/**
 * An auth-service test context on the shared PostgreSQL, Kafka and Kubernetes API: one admin, bcrypt at Dex's lowest
 * cost (fast, still real bcrypt), tight password-attempt limits, and the client address taken from
 * {@code X-Forwarded-For} so each test can be its own caller.
 */
final class ApiTestProperties {

    static final String ADMIN = "admin@example.com";
    static final int BCRYPT_COST = 10;
    static final int MAX_FAILURES_PER_ACCOUNT = 3;
    static final int MAX_FAILURES_PER_CALLER = 5;

    private ApiTestProperties() {}

    static Map<String, String> properties(boolean selfRegistration) {
        return TestProperties.postgres("auth")
                .kafka()
                .kubernetes()
                .with("micronaut.server.port", "-1")
                .with("micronaut.server.client-address-header", "X-Forwarded-For")
                .with("platform.security.cluster-admins", ADMIN)
                .with("platform.outbox.poll-interval", "100ms")
                .with("platform.kube.leader-election.lease-namespace", "default")
                .with("platform.kube.leader-election.identity", "auth-service-test-" + UUID.randomUUID())
                .with("auth.bcrypt-cost", Integer.toString(BCRYPT_COST))
                .with("auth.self-registration", Boolean.toString(selfRegistration))
                .with("auth.password-attempts.max-failures-per-account", Integer.toString(MAX_FAILURES_PER_ACCOUNT))
                .with("auth.password-attempts.max-failures-per-caller", Integer.toString(MAX_FAILURES_PER_CALLER))
                .with("auth.password-attempts.window", "1m")
                .build();
    }

    /** The least time one bcrypt check at the test cost takes on this machine (the fastest of a few, warmed up). */
    static Duration bcryptCheck() {
        PasswordHasher hasher = new PasswordHasher(BCRYPT_COST);
        long fastest = Long.MAX_VALUE;
        for (int i = 0; i < 5; i++) {
            long start = System.nanoTime();
            hasher.verifyMissing("any password");
            fastest = Math.min(fastest, System.nanoTime() - start);
        }
        return Duration.ofNanos(fastest);
    }

    /** An email no other test (or earlier run on the same database) uses. */
    static String email(String name) {
        return name + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.com";
    }

    /** A client address of its own, for a test that must not share its failure count with others. */
    static String address() {
        return "10." + (int) (Math.random() * 250) + "." + (int) (Math.random() * 250) + "."
                + (int) (1 + Math.random() * 250);
    }
}
