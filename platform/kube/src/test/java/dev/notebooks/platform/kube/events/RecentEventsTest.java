package dev.notebooks.platform.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private final RecentEvents recent = new RecentEvents(3);

    @Test
    void theSameObservationAgainIsAlreadySaid() {
        assertThat(recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored"))
                .isTrue();
        assertThat(recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored"))
                .isFalse();
    }

    @Test
    void twoObservationsOfOnePassNeverMakeEachOtherNewAgain() {
        recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored");
        recent.remember("uid-1/1", "PodDefaultSkipped", "PodDefault b is not applied");

        assertThat(recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored"))
                .isFalse();
        assertThat(recent.remember("uid-1/1", "PodDefaultSkipped", "PodDefault b is not applied"))
                .isFalse();
    }

    @Test
    void anotherMessageReasonOrSpecVersionIsNew() {
        recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored");

        assertThat(recent.remember("uid-1/1", "UnknownPlugin", "kind B is ignored"))
                .isTrue();
        assertThat(recent.remember("uid-1/1", "OtherReason", "kind A is ignored"))
                .isTrue();
        assertThat(recent.remember("uid-1/2", "UnknownPlugin", "kind A is ignored"))
                .isTrue();
    }

    @Test
    void aForgottenObservationIsNewAgain() {
        recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored");
        recent.forget("uid-1/1", "UnknownPlugin", "kind A is ignored");

        assertThat(recent.remember("uid-1/1", "UnknownPlugin", "kind A is ignored"))
                .isTrue();
    }

    @Test
    void onlyTheMostRecentObservationsAreRemembered() {
        recent.remember("uid-1/1", "R", "m");
        recent.remember("uid-2/1", "R", "m");
        recent.remember("uid-3/1", "R", "m");
        recent.remember("uid-4/1", "R", "m");

        assertThat(recent.remember("uid-1/1", "R", "m")).isTrue();
    }
}
