package dev.notebooks.notebook.domain.culling;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.TestNotebooks;
import dev.notebooks.notebook.domain.spawner.SpawnerServerType;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CullingTest {

    private static final Instant NOW = Instant.parse("2025-01-02T12:00:00Z");
    private static final Optional<Duration> DAY = Optional.of(Duration.ofMinutes(1440));

    @ParameterizedTest(name = "last activity {0}, stopped {1}, source {2}: {3}")
    @CsvSource({
        "2025-01-01T11:00:00Z, false, true, CULL",
        "2025-01-01T13:00:00Z, false, true, KEEP",
        "2025-01-01T11:00:00Z, true, true, KEEP",
        "2025-01-01T11:00:00Z, false, false, UNKNOWN_NEVER_CULL",
        ", false, true, KEEP",
    })
    void decisions(String lastActivity, boolean stopped, boolean source, Culling.Verdict verdict) {
        Instant last = lastActivity == null ? null : Instant.parse(lastActivity);

        assertThat(Culling.decide(NOW, last, DAY, stopped, source)).isEqualTo(verdict);
    }

    @Test
    void neverIsNeverCulled() {
        assertThat(Culling.decide(NOW, Instant.EPOCH, Optional.empty(), false, true))
                .isEqualTo(Culling.Verdict.KEEP);
    }

    @ParameterizedTest
    @CsvSource({"60, PT1H", "2h, PT2H", "90m, PT1H30M", "1h30m, PT1H30M", "PT45M, PT45M", "nonsense, PT24H"})
    void aNotebooksOwnIdleTime(String annotation, String expected) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem("notebooks.dev/cull-idle-time", annotation);

        assertThat(Culling.idleTime(notebook, Duration.ofHours(24))).contains(Duration.parse(expected));
    }

    @ParameterizedTest
    @CsvSource({"0", "never"})
    void aNotebookCanOptOut(String annotation) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        notebook.getMetadata().putAnnotationsItem("notebooks.dev/cull-idle-time", annotation);

        assertThat(Culling.idleTime(notebook, Duration.ofHours(24))).isEmpty();
    }

    @ParameterizedTest(name = "annotation {0}, activity {1}: write {2}")
    @CsvSource({
        ", 2025-01-02T12:00:00Z, true",
        "not a time, 2025-01-02T12:00:00Z, true",
        "2025-01-02T11:58:00Z, 2025-01-02T12:00:00Z, false",
        "2025-01-02T11:55:00Z, 2025-01-02T12:00:00Z, false",
        "2025-01-02T11:54:59Z, 2025-01-02T12:00:00Z, true",
        "2025-01-02T12:10:00Z, 2025-01-02T12:00:00Z, false",
    })
    void theLastActivityAnnotationIsWrittenOnlyWhenItMovedMoreThanAStep(
            String annotation, String activity, boolean write) {
        assertThat(Culling.shouldWriteLastActivity(annotation, Instant.parse(activity), Culling.DEFAULT_STEP))
                .isEqualTo(write);
    }

    @Test
    void timestampsAreKubeflowsRfc3339WithoutFractions() {
        assertThat(Culling.timestamp(Instant.parse("2025-01-02T12:00:00.987Z"))).isEqualTo("2025-01-02T12:00:00Z");
    }

    @Test
    void eachServerTypeHasItsSource() {
        assertThat(ActivitySources.of(typed("jupyter"), Optional.empty(), Map.of()))
                .isEqualTo(new ActivitySource.JupyterApi(
                        "/notebook/kubeflow-user/nb/api/kernels", "/notebook/kubeflow-user/nb/api/terminals"));
        assertThat(ActivitySources.of(typed(null), Optional.empty(), Map.of()))
                .isInstanceOf(ActivitySource.JupyterApi.class);
        assertThat(ActivitySources.of(typed("group-one"), Optional.empty(), Map.of()))
                .isEqualTo(new ActivitySource.CodeServerHeartbeat("/healthz"));
        assertThat(ActivitySources.of(typed("group-two"), Optional.empty(), Map.of()))
                .isInstanceOf(ActivitySource.None.class);
    }

    @Test
    void aConfiguredProbeForTheImageWinsOverTheServerTypes() {
        var rstudio = new ActivitySource.HttpProbe("/activity", "/last");
        var image = new ActivitySource.HttpProbe("{prefix}/status", "/last_activity");

        assertThat(ActivitySources.of(
                        typed("group-two"), Optional.empty(), Map.of(SpawnerServerType.GROUP_TWO, rstudio)))
                .isEqualTo(rstudio);
        assertThat(ActivitySources.of(
                        typed("group-two"), Optional.of(image), Map.of(SpawnerServerType.GROUP_TWO, rstudio)))
                .isEqualTo(new ActivitySource.HttpProbe("/notebook/kubeflow-user/nb/status", "/last_activity"));
        assertThat(ActivitySources.of(
                        typed("jupyter"), Optional.of(new ActivitySource.HttpProbe("/x", "bad")), Map.of()))
                .isInstanceOf(ActivitySource.None.class);
    }

    private static Notebook typed(String serverType) {
        Notebook notebook = TestNotebooks.jupyter("nb");
        if (serverType == null) {
            notebook.getMetadata().getAnnotations().remove("notebooks.kubeflow.org/server-type");
        } else {
            notebook.getMetadata().putAnnotationsItem("notebooks.kubeflow.org/server-type", serverType);
        }
        return notebook;
    }
}
