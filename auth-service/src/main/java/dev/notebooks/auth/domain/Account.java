package dev.notebooks.auth.domain;

import java.time.Instant;
import java.util.Objects;

/**
 * A Dex static-password account. Deliberately not serializable: responses, events and audit records are built from
 * its other fields, never from the record itself, so the hash cannot leak by accident.
 *
 * @param email the login, lower-cased, unique
 * @param username Dex's {@code username} (the display name)
 * @param userId Dex's {@code userID}, stable for life: a random UUID for accounts made here, kept as it was for
 *     imported ones (Kubeflow's example user has {@code 15841185641784})
 * @param hash the bcrypt hash ({@code $2a$}, {@code $2b$} or {@code $2y$})
 */
public record Account(String email, String username, String userId, String hash, Instant createdAt, Instant updatedAt) {

    public Account {
        Objects.requireNonNull(email, "email");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(hash, "hash");
        Objects.requireNonNull(createdAt, "createdAt");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The form every email takes here and in Dex: Dex lower-cases it too. */
    public static String normalizeEmail(String email) {
        return email == null ? null : email.trim().toLowerCase(java.util.Locale.ROOT);
    }

    @Override
    public String toString() {
        return "Account[email=" + email + ", username=" + username + ", userId=" + userId + ", createdAt=" + createdAt
                + ", updatedAt=" + updatedAt + "]";
    }
}
