package dev.notebooks.auth.store;

import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;

/**
 * One lock per email, held to the end of the transaction: writers of one account (the API, drift corrections, two
 * replicas) take turns, so a creation sees the one before it and a change sees the delete that went first. A PostgreSQL
 * advisory lock, so it exists before the account's row does.
 */
@Singleton
public class AccountLocks {

    /** Keep these locks apart from each other and from any other advisory lock in the database. */
    private static final int EMAILS = 0x61636374;

    private static final int USER_IDS = 0x75696473;

    private final JdbcOperations jdbc;

    AccountLocks(JdbcOperations jdbc) {
        this.jdbc = jdbc;
    }

    public void lockEmail(String email) {
        lock(EMAILS, email);
    }

    /** Taken after the email's, by an import that brings its own user id (unique among accounts). */
    public void lockUserId(String userId) {
        lock(USER_IDS, userId);
    }

    private void lock(int space, String key) {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?, hashtext(?))", statement -> {
            statement.setInt(1, space);
            statement.setString(2, key == null ? "" : key);
            statement.execute();
            return null;
        });
    }
}
