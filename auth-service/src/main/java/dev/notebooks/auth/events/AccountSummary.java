package dev.notebooks.auth.events;

import dev.notebooks.auth.domain.Account;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;

/** What audit records say about an account: never the hash. */
@Serdeable
public record AccountSummary(String email, @Nullable String username, @Nullable String userId) {

    public static AccountSummary of(Account account) {
        return new AccountSummary(account.email(), account.username(), account.userId());
    }
}
