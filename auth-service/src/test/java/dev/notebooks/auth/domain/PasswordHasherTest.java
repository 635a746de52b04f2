package dev.notebooks.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordHasherTest {

    /** The example user of Kubeflow's manifests (v1.4 to v1.8), password {@code 12341234}, made by htpasswd. */
    static final String KUBEFLOW_HASH = "$2y$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72";

    private final PasswordHasher hasher = new PasswordHasher(10);

    @ParameterizedTest
    @ValueSource(ints = {9, 17, 4, 31})
    void costsDexRefusesAreRefused(int cost) {
        assertThatThrownBy(() -> new PasswordHasher(cost))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("between 10 and 16");
    }

    @Test
    void newHashesAre2aAtTheConfiguredCost() {
        String hash = hasher.hash("a long enough passphrase");

        assertThat(hash).startsWith("$2a$10$").hasSize(60);
        assertThat(hasher.verify("a long enough passphrase", hash)).isTrue();
        assertThat(hasher.verify("another passphrase", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(strings = {"$2y$", "$2b$", "$2a$"})
    void hashesOfEveryBcryptVersionVerify(String version) {
        String hash = version + KUBEFLOW_HASH.substring(4);

        assertThat(hasher.verify("12341234", hash)).isTrue();
        assertThat(hasher.verify("12341235", hash)).isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "$2y$09$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72",
                "$2y$17$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72",
                "$2x$12$4K/VkmDd1q1Orb3xAt82zu8gk7Ad6ReFR4LCP9UeYE90NLiN9Df72",
                "$2y$12$tooShort",
                "plain text"
            })
    void onlyBcryptHashesDexAcceptsCount(String hash) {
        assertThat(PasswordHasher.isBcrypt(hash)).isFalse();
        assertThat(hasher.verify("12341234", hash)).isFalse();
    }

    @Test
    void theBoundsOfDexsCostRangeAreBcryptHashes() {
        assertThat(PasswordHasher.isBcrypt("$2a$10$" + KUBEFLOW_HASH.substring(7)))
                .isTrue();
        assertThat(PasswordHasher.isBcrypt("$2a$16$" + KUBEFLOW_HASH.substring(7)))
                .isTrue();
    }

    @Test
    void aMissingAccountFailsVerification() {
        assertThat(hasher.verifyMissing("12341234")).isFalse();
    }
}
