package dev.notebooks.platform.kube.status;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.openapi.models.V1Condition;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConditionsTest {

    private static final Instant FIRST = Instant.parse("2025-01-01T10:00:00.123456Z");
    private static final Instant LATER = Instant.parse("2025-01-01T11:00:00Z");

    @Test
    void aNewConditionIsAddedWithTheTimeOfItsTransitionInWholeSeconds() {
        List<V1Condition> conditions = Conditions.set(List.of(), Conditions.ready(3L), FIRST);

        assertThat(conditions).singleElement().satisfies(condition -> {
            assertThat(condition.getType()).isEqualTo("Ready");
            assertThat(condition.getStatus()).isEqualTo("True");
            assertThat(condition.getReason()).isEqualTo("Reconciled");
            assertThat(condition.getMessage()).isEmpty();
            assertThat(condition.getObservedGeneration()).isEqualTo(3L);
            assertThat(condition.getLastTransitionTime())
                    .isEqualTo(OffsetDateTime.of(2025, 1, 1, 10, 0, 0, 0, ZoneOffset.UTC));
        });
    }

    @Test
    void theSameStatusAgainKeepsTheTransitionTimeAndTheListSize() {
        List<V1Condition> first = Conditions.set(null, Conditions.ready(1L), FIRST);

        List<V1Condition> again = Conditions.set(first, Conditions.ready(1L), LATER);

        assertThat(again).isEqualTo(first);
    }

    @Test
    void aNewReasonOrGenerationWithTheSameStatusIsNoTransition() {
        List<V1Condition> first = Conditions.set(null, Conditions.notReady("Pending", "waiting", 1L), FIRST);

        List<V1Condition> next = Conditions.set(first, Conditions.notReady("QuotaMissing", "no quota", 2L), LATER);

        assertThat(next).singleElement().satisfies(condition -> {
            assertThat(condition.getReason()).isEqualTo("QuotaMissing");
            assertThat(condition.getObservedGeneration()).isEqualTo(2L);
            assertThat(condition.getLastTransitionTime()).isEqualTo(first.get(0).getLastTransitionTime());
        });
    }

    @Test
    void aFlippedStatusMovesTheTransitionTime() {
        List<V1Condition> failing = Conditions.set(null, Conditions.notReady("Pending", "", 1L), FIRST);

        List<V1Condition> ready = Conditions.set(failing, Conditions.ready(1L), LATER);

        assertThat(ready).singleElement().satisfies(condition -> assertThat(condition.getLastTransitionTime())
                .isEqualTo(OffsetDateTime.of(2025, 1, 1, 11, 0, 0, 0, ZoneOffset.UTC)));
    }

    @Test
    void aConditionIsReplacedInPlaceAmongOthers() {
        List<V1Condition> conditions = Conditions.set(null, Conditions.of("Synced", true, "Done", "", 1L), FIRST);
        conditions = Conditions.set(conditions, Conditions.notReady("Pending", "", 1L), FIRST);
        conditions = Conditions.set(conditions, Conditions.of("Degraded", false, "Fine", "", 1L), FIRST);

        List<V1Condition> updated = Conditions.set(conditions, Conditions.ready(1L), LATER);

        assertThat(updated).extracting(V1Condition::getType).containsExactly("Synced", "Ready", "Degraded");
        assertThat(Conditions.find(updated, "Ready"))
                .hasValueSatisfying(ready -> assertThat(ready.getStatus()).isEqualTo(Conditions.TRUE));
    }

    @Test
    void repeatedFailuresNeverGrowTheList() {
        List<V1Condition> conditions = List.of();
        for (int pass = 0; pass < 50; pass++) {
            conditions = Conditions.set(
                    conditions, Conditions.fromError(new IllegalStateException("pass " + pass), 1L), FIRST);
        }

        assertThat(conditions).singleElement().satisfies(condition -> {
            assertThat(condition.getReason()).isEqualTo("IllegalStateException");
            assertThat(condition.getMessage()).isEqualTo("pass 49");
        });
    }

    @Test
    void duplicatesOfATypeLeftByOthersCollapseIntoOne() {
        V1Condition stale = Conditions.notReady("Old", "", 1L).lastTransitionTime(OffsetDateTime.now());
        List<V1Condition> conditions = List.of(stale, stale);

        assertThat(Conditions.set(conditions, Conditions.ready(2L), LATER)).hasSize(1);
    }

    @Test
    void anErrorWithoutMessageGivesAnEmptyMessage() {
        assertThat(Conditions.fromError(new NullPointerException(), 1L).getMessage())
                .isEmpty();
    }
}
