package dev.notebooks.auth.api;

import dev.notebooks.auth.domain.AccountPage;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.serde.annotation.Serdeable;
import java.util.List;

/**
 * One page of accounts in email order.
 *
 * @param next pass it as {@code after} for the next page; null on the last page
 */
@Serdeable
public record AccountPageView(List<AccountView> items, @Nullable String next) {

    static AccountPageView of(AccountPage page) {
        return new AccountPageView(page.items().stream().map(AccountView::of).toList(), page.next());
    }
}
