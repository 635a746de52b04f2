package dev.notebooks.auth.domain;

import java.util.List;

/**
 * One page of accounts in email order.
 *
 * @param next the {@code after} of the next page (the last email of this one); null on the last page
 */
public record AccountPage(List<Account> items, String next) {}
