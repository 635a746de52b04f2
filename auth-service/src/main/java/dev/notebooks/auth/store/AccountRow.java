package dev.notebooks.auth.store;

import dev.notebooks.auth.domain.Account;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** An account as stored; {@link #version} is an optimistic lock. */
@MappedEntity("account")
public record AccountRow(
        @Id String email,
        String userId,
        String username,
        String hash,
        Instant createdAt,
        Instant updatedAt,
        @Version @Nullable Long version) {

    public static AccountRow of(Account account) {
        return new AccountRow(
                account.email(),
                account.userId(),
                account.username(),
                account.hash(),
                account.createdAt(),
                account.updatedAt(),
                null);
    }

    public Account toAccount() {
        return new Account(email, username, userId, hash, createdAt, updatedAt);
    }

    public AccountRow with(Account account) {
        return new AccountRow(
                email,
                account.userId(),
                account.username(),
                account.hash(),
                account.createdAt(),
                account.updatedAt(),
                version);
    }

    @Override
    public String toString() {
        return "AccountRow[email=" + email + ", userId=" + userId + ", version=" + version + "]";
    }
}
