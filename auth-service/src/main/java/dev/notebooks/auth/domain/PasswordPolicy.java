package dev.notebooks.auth.domain;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What a new password must be: long enough, at most 72 bytes (all bcrypt reads), not the email or username, and not
 * one of the most common passwords. Violations name the field and never repeat the password.
 */
public class PasswordPolicy {

    /** bcrypt ignores what comes after 72 bytes, and Dex's Go bcrypt refuses longer passwords. */
    public static final int MAX_BYTES = 72;

    static final String COMMON_PASSWORDS = "common-passwords.txt";

    private final int minLength;
    private final Set<String> commonPasswords;

    public PasswordPolicy(int minLength) {
        if (minLength < 1) {
            throw new IllegalArgumentException("auth.min-password-length must be at least 1, not " + minLength);
        }
        this.minLength = minLength;
        this.commonPasswords = readCommonPasswords();
    }

    public int minLength() {
        return minLength;
    }

    /**
     * @param field the request field holding the password ({@code password}, {@code newPassword})
     * @return what is wrong with the password, empty when it is acceptable
     */
    public List<Violation> check(String field, String password, String email, String username) {
        List<Violation> violations = new ArrayList<>();
        if (password == null || password.isEmpty()) {
            violations.add(new Violation(field, "must not be empty"));
            return violations;
        }
        if (password.codePointCount(0, password.length()) < minLength) {
            violations.add(new Violation(field, "must be at least " + minLength + " characters long"));
        }
        if (password.getBytes(StandardCharsets.UTF_8).length > MAX_BYTES) {
            violations.add(new Violation(field, "must be at most " + MAX_BYTES + " bytes long (UTF-8)"));
        }
        if (email != null && password.equalsIgnoreCase(email.trim())) {
            violations.add(new Violation(field, "must not be the email"));
        }
        if (username != null && password.equalsIgnoreCase(username.trim())) {
            violations.add(new Violation(field, "must not be the username"));
        }
        if (commonPasswords.contains(password.toLowerCase(Locale.ROOT))) {
            violations.add(new Violation(field, "is one of the most common passwords"));
        }
        return violations;
    }

    private static Set<String> readCommonPasswords() {
        try (InputStream in = PasswordPolicy.class.getResourceAsStream(COMMON_PASSWORDS)) {
            if (in == null) {
                throw new IllegalStateException(COMMON_PASSWORDS + " is missing from the class path");
            }
            return new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))
                    .lines()
                    .filter(line -> !line.isBlank() && !line.startsWith("#"))
                    .map(line -> line.trim().toLowerCase(Locale.ROOT))
                    .collect(Collectors.toUnmodifiableSet());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
