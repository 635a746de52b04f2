package dev.notebooks.auth.api;

import dev.notebooks.auth.domain.Account;
import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;

/** An account as the API shows it: everything but the hash. */
@Serdeable
public record AccountView(String email, String username, String userId, Instant createdAt, Instant updatedAt) {

    static AccountView of(Account account) {
        return new AccountView(
                account.email(), account.username(), account.userId(), account.createdAt(), account.updatedAt());
    }
}
