package dev.notebooks.auth.dex;

import dev.notebooks.auth.domain.Account;
import io.micronaut.core.annotation.Nullable;

/**
 * One static password as Dex's store holds it.
 *
 * @param hash the bcrypt hash; null when the entry has none of its own (a ConfigMap entry with {@code hashFromEnv})
 * @param managed whether this service wrote it; others' entries are read-only here
 */
public record DexEntry(
        String email, @Nullable String username, @Nullable String userId, @Nullable String hash, boolean managed) {

    /** Whether Dex holds exactly this account, written by this service. */
    public boolean matches(Account account) {
        return managed
                && account.email().equals(email)
                && account.username().equals(username)
                && account.userId().equals(userId)
                && account.hash().equals(hash);
    }

    @Override
    public String toString() {
        return "DexEntry[email=" + email + ", username=" + username + ", userId=" + userId + ", managed=" + managed
                + "]";
    }
}
