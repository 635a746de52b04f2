package dev.notebooks.auth.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class PasswordAttemptsTest {

    private Instant now = Instant.parse("2025-01-01T00:00:00Z");
    private final PasswordAttempts attempts = new PasswordAttempts(settings(), new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now;
        }
    });

    @Test
    void anAccountIsBlockedUntilItsOldestCountedFailureLeavesTheWindow() {
        attempts.recordFailure("a@example.com", "10.0.0.1");
        now = now.plusSeconds(60);
        attempts.recordFailure("a@example.com", "10.0.0.2");

        assertThat(attempts.blockedFor("a@example.com", "10.0.0.3")).contains(Duration.ofSeconds(540));
        now = now.plusSeconds(540);
        assertThat(attempts.blockedFor("a@example.com", "10.0.0.3")).isEmpty();
    }

    @Test
    void aCallerIsBlockedAcrossAccounts() {
        attempts.recordFailure("a@example.com", "10.0.0.1");
        attempts.recordFailure("b@example.com", "10.0.0.1");
        attempts.recordFailure("c@example.com", "10.0.0.1");

        assertThat(attempts.blockedFor("d@example.com", "10.0.0.1")).contains(Duration.ofMinutes(10));
        assertThat(attempts.blockedFor("d@example.com", "10.0.0.9")).isEmpty();
    }

    private static PasswordAttemptSettings settings() {
        PasswordAttemptSettings settings = new PasswordAttemptSettings();
        settings.setMaxFailuresPerAccount(2);
        settings.setMaxFailuresPerCaller(3);
        settings.setWindow(Duration.ofMinutes(10));
        return settings;
    }
}
