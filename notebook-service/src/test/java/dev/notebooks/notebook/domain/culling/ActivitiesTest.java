package dev.notebooks.notebook.domain.culling;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ActivitiesTest {

    private static final Instant NOW = Instant.parse("2025-01-01T12:00:00Z");

    @Test
    void aBusyKernelIsActivityNow() {
        List<Kernel> kernels = List.of(
                new Kernel("a", "python3", "2025-01-01T08:00:00.000000Z", "idle", 1),
                new Kernel("b", "python3", "2025-01-01T07:00:00.000000Z", "busy", 0));

        assertThat(Activities.jupyter(kernels, List.of(), NOW)).isEqualTo(observed(NOW));
    }

    @Test
    void idleKernelsGiveTheNewestLastActivity() {
        List<Kernel> kernels = List.of(
                new Kernel("a", "python3", "2025-01-01T08:00:00.123456Z", "idle", 1),
                new Kernel("b", "python3", "2025-01-01T09:30:00+00:00", "idle", 0),
                new Kernel("c", "python3", "garbage", "idle", 0));

        assertThat(Activities.jupyter(kernels, List.of(), NOW))
                .isEqualTo(observed(Instant.parse("2025-01-01T09:30:00Z")));
    }

    @Test
    void aRecentTerminalCountsWhereKubeflowCullsIt() {
        List<Terminal> terminals = List.of(new Terminal("1", "2025-01-01T11:55:00Z"));

        assertThat(Activities.jupyter(
                        List.of(new Kernel("a", "python3", "2025-01-01T08:00:00Z", "idle", 0)), terminals, NOW))
                .isEqualTo(observed(Instant.parse("2025-01-01T11:55:00Z")));
    }

    @Test
    void noKernelsAndNoTerminalsIsAnAnswerWithoutActivity() {
        assertThat(Activities.jupyter(List.of(), null, NOW)).isEqualTo(new ActivityReading.Observed(Optional.empty()));
    }

    @Test
    void codeServersHeartbeatIsItsActivity() {
        assertThat(Activities.codeServer(new CodeServerHealth("alive", 1735732800000L)))
                .isEqualTo(observed(Instant.parse("2025-01-01T12:00:00Z")));
        assertThat(Activities.codeServer(new CodeServerHealth("expired", 0L)))
                .isEqualTo(new ActivityReading.Observed(Optional.empty()));
        assertThat(Activities.codeServer(null).available()).isFalse();
    }

    @ParameterizedTest
    @CsvSource({
        "2025-01-01T10:00:00Z, 2025-01-01T10:00:00Z",
        "2025-01-01T11:00:00+01:00, 2025-01-01T10:00:00Z",
        "1735725600, 2025-01-01T10:00:00Z",
        "1735725600000, 2025-01-01T10:00:00Z",
    })
    void aProbesTimeIsIsoOrEpochSecondsOrMillis(String value, String expected) {
        assertThat(Activities.probe(value, "/last")).isEqualTo(observed(Instant.parse(expected)));
    }

    @Test
    void aProbeWithoutATimeIsUnavailable() {
        assertThat(Activities.probe(null, "/last").available()).isFalse();
        assertThat(Activities.probe("soon", "/last").available()).isFalse();
        assertThat(Activities.probe(Map.of(), "/last").available()).isFalse();
    }

    @Test
    void jsonPointersFindTheTime() {
        Map<String, Object> body = Map.of("sessions", List.of(Map.of("last/activity", 1735725600L)), "a~b", 1);

        assertThat(JsonPointer.resolve(body, "/sessions/0/last~1activity")).contains(1735725600L);
        assertThat(JsonPointer.resolve(body, "/a~0b")).contains(1);
        assertThat(JsonPointer.resolve(body, "/sessions/1")).isEmpty();
        assertThat(JsonPointer.resolve(body, "/sessions/x")).isEmpty();
        assertThat(JsonPointer.resolve(body, "no-slash")).isEmpty();
        assertThat(JsonPointer.isValid("/a~2")).isFalse();
    }

    private static ActivityReading observed(Instant instant) {
        return new ActivityReading.Observed(Optional.of(instant));
    }
}
