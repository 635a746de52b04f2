package dev.notebooks.auth.domain;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PasswordPolicyTest {

    private static final String EMAIL = "ada.lovelace@example.com";
    private static final String USERNAME = "Ada Lovelace 1815";

    private final PasswordPolicy policy = new PasswordPolicy(12);

    @Test
    void aLongUncommonPasswordIsAccepted() {
        assertThat(policy.check("password", "correct horse battery staple", EMAIL, USERNAME))
                .isEmpty();
    }

    @ParameterizedTest(name = "{0}: {1}")
    @CsvSource(
            delimiter = '|',
            value = {
                "short1!      | must be at least 12 characters long",
                "ADA.LOVELACE@EXAMPLE.COM | must not be the email",
                "ada lovelace 1815 | must not be the username",
                "1qaz2wsx3edc | is one of the most common passwords",
                "QWERTY123456 | is one of the most common passwords"
            })
    void refusedPasswordsAreNamedByFieldWithoutBeingRepeated(String password, String message) {
        List<Violation> violations = policy.check("newPassword", password, EMAIL, USERNAME);

        assertThat(violations).contains(new Violation("newPassword", message));
        assertThat(violations)
                .allSatisfy(violation -> assertThat(violation.message()).doesNotContainIgnoringCase(password));
    }

    @Test
    void morePasswordThanBcryptReadsIsRefused() {
        assertThat(policy.check("password", "é".repeat(37), EMAIL, USERNAME))
                .containsExactly(new Violation("password", "must be at most 72 bytes long (UTF-8)"));
    }

    @Test
    void anEmptyPasswordIsRefused() {
        assertThat(policy.check("password", "", EMAIL, USERNAME))
                .containsExactly(new Violation("password", "must not be empty"));
    }

    @Test
    void theMinimumLengthIsConfigurable() {
        assertThat(new PasswordPolicy(20).check("password", "a-quite-rare-phrase", EMAIL, USERNAME))
                .containsExactly(new Violation("password", "must be at least 20 characters long"));
    }

    @Test
    void theBundledListHoldsThousandsOfCommonPasswords() {
        PasswordPolicy lenient = new PasswordPolicy(1);
        long common = List.of("123456", "password", "iloveyou", "dragon", "football", "sunshine", "princess").stream()
                .filter(password ->
                        !lenient.check("password", password, EMAIL, USERNAME).isEmpty())
                .count();

        assertThat(common).isEqualTo(7);
    }
}
