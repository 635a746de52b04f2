package dev.notebooks.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.platform.events.Actor;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ProfileAnnotationsTest {

    @Test
    void theGenerationTheApiWroteIsTheApiUsers() {
        Profile profile = atGeneration(2, ProfileAnnotations.changedBy("alice@example.com", 2));

        assertThat(ProfileAnnotations.actorOf(profile, "kubectl-edit")).isEqualTo(Actor.api("alice@example.com"));
    }

    @Test
    void aLaterGenerationWasWrittenBehindTheApisBack() {
        Profile profile = atGeneration(3, ProfileAnnotations.changedBy("alice@example.com", 2));

        assertThat(ProfileAnnotations.actorOf(profile, "kubectl-edit")).isEqualTo(Actor.kubectl("kubectl-edit"));
    }

    @Test
    void aProfileTheApiNeverWroteIsKubectlsEvenWithoutAWriterName() {
        assertThat(ProfileAnnotations.actorOf(atGeneration(1, Map.of()), null)).isEqualTo(Actor.kubectl("unknown"));
    }

    @Test
    void aDeletionIsTheApiUsersOnlyWhenTheApiSaidSo() {
        assertThat(ProfileAnnotations.deleterOf(atGeneration(1, ProfileAnnotations.deletedBy("bob@example.com")), null))
                .isEqualTo(Actor.api("bob@example.com"));
        assertThat(ProfileAnnotations.deleterOf(atGeneration(1, Map.of()), null))
                .isEqualTo(Actor.kubectl("unknown"));
    }

    private static Profile atGeneration(long generation, Map<String, String> annotations) {
        Profile profile = Profile.owned("team-a", "alice@example.com");
        profile.getMetadata().generation(generation).annotations(annotations);
        return profile;
    }
}
