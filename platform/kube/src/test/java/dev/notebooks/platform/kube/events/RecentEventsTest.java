package dev.notebooks.platform.kube.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class RecentEventsTest {

    private final RecentEvents recent = new RecentEvents(2);

    @Test
    void theSameEventAgainIsADuplicate() {
        assertThat(recent.remember("uid-1", "Normal", "Created", "namespace created"))
                .isTrue();
        assertThat(recent.remember("uid-1", "Normal", "Created", "namespace created"))
                .isFalse();
    }

    @Test
    void anotherMessageObjectOrReasonIsNew() {
        recent.remember("uid-1", "Normal", "Created", "namespace created");

        assertThat(recent.remember("uid-1", "Normal", "Created", "quota created"))
                .isTrue();
        assertThat(recent.remember("uid-2", "Normal", "Created", "quota created"))
                .isTrue();
        assertThat(recent.remember("uid-2", "Warning", "Created", "quota created"))
                .isTrue();
    }

    @Test
    void aForgottenEventIsNewAgain() {
        recent.remember("uid-1", "Normal", "Created", "namespace created");
        recent.forget("uid-1", "Normal", "Created", "namespace created");

        assertThat(recent.remember("uid-1", "Normal", "Created", "namespace created"))
                .isTrue();
    }

    @Test
    void theSameEventAfterAnotherOneIsNewAgain() {
        recent.remember("uid-1", "Normal", "Ready", "ready");
        recent.remember("uid-1", "Warning", "OwnerAccountDeleted", "owner has no account");

        assertThat(recent.remember("uid-1", "Normal", "Ready", "ready")).isTrue();
    }

    @Test
    void onlyTheMostRecentObjectsAreRemembered() {
        recent.remember("uid-1", "Normal", "Created", "m");
        recent.remember("uid-2", "Normal", "Created", "m");
        recent.remember("uid-3", "Normal", "Created", "m");

        assertThat(recent.remember("uid-1", "Normal", "Created", "m")).isTrue();
    }
}
