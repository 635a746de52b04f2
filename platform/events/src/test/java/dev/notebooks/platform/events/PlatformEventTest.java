package dev.notebooks.platform.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.notebooks.platform.events.profile.ProfileReady;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class PlatformEventTest {

    private final ProfileReady ready = new ProfileReady(Actor.controller("profile-service"), "alice", "alice");

    @Test
    void newEventIsKeyedBySubjectWithFreshIdAndCurrentTime() {
        Instant before = Instant.now().minusMillis(1);

        PlatformEvent<ProfileReady> first = PlatformEvent.of("profile-service", "profile.ready.v1", "alice", ready);
        PlatformEvent<ProfileReady> second = PlatformEvent.of("profile-service", "profile.ready.v1", "alice", ready);

        assertThat(first.key()).isEqualTo("alice");
        assertThat(first.id()).isNotEqualTo(second.id());
        assertThat(first.time()).isBetween(before, Instant.now());
    }

    @Test
    void typeFollowsFromTheDataRecord() {
        assertThat(PlatformEvent.of("profile-service", "alice", ready).type()).isEqualTo("profile.ready.v1");
    }

    @Test
    void dataThatIsNoEventTypeIsRefused() {
        EventData stray = () -> Actor.api("alice@example.com");

        assertThatThrownBy(() -> PlatformEvent.of("profile-service", "alice", stray))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void namespacedSubjectIsNamespaceSlashName() {
        assertThat(Subjects.namespaced("alice", "scipy")).isEqualTo("alice/scipy");
    }
}
