package dev.notebooks.profile.domain;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ProfileNamesTest {

    @Test
    void theLocalPartBecomesADns1123Label() {
        assertThat(ProfileNames.base("Jane.Doe+ML@example.com")).isEqualTo("jane-doe-ml");
        assertThat(ProfileNames.base("_bob__@example.com")).isEqualTo("bob");
    }

    @Test
    void aLocalPartWithoutLettersOrDigitsStillGivesAName() {
        assertThat(ProfileNames.base("...@example.com")).isEqualTo("user");
    }

    @Test
    void aLongLocalPartIsCutSoThatEveryCandidateFitsInALabel() {
        String email = "a".repeat(58) + ".b-c@example.com";

        assertThat(ProfileNames.candidates(email, 100))
                .allSatisfy(
                        name -> assertThat(name).hasSizeLessThanOrEqualTo(63).doesNotStartWith("-"))
                .allSatisfy(name -> assertThat(name).matches("[a-z0-9]([-a-z0-9]*[a-z0-9])?"));
    }

    @Test
    void takenNamesAreFollowedByNumberedOnes() {
        assertThat(ProfileNames.candidates("jane@example.com", 3)).containsExactly("jane", "jane-2", "jane-3");
    }
}
