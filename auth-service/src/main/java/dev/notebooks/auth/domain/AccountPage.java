package dev.notebooks.auth.domain;

import io.micronaut.core.annotation.Nullable;
import java.util.List;

/**
 * One page of accounts in email order.
 *
 * @param next the {@code after} of the next page (the last email of this one); null on the last page
 */
public record AccountPage(List<Account> items, @Nullable String next) {}
