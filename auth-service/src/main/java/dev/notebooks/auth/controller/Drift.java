package dev.notebooks.auth.controller;

import dev.notebooks.auth.dex.DexEntry;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.platform.events.account.AccountDrift;
import io.micronaut.core.annotation.Nullable;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * One difference between an account and Dex's store that the service did not make.
 *
 * @param account the service's account; null when {@link AccountDrift#UNEXPECTED}
 * @param entry Dex's entry; null when {@link AccountDrift#MISSING}
 */
public record Drift(String email, AccountDrift kind, @Nullable Account account, @Nullable DexEntry entry) {

    /**
     * @param pending emails changed by the service and not yet written: their differences are not drift
     * @return the drift between the accounts and Dex's entries: accounts Dex lacks or holds otherwise, and entries of
     *     this service's that are no longer accounts. Others' entries are not drift.
     */
    public static List<Drift> between(Collection<Account> accounts, Collection<DexEntry> entries, Set<String> pending) {
        Map<String, DexEntry> byEmail =
                entries.stream().collect(Collectors.toMap(DexEntry::email, Function.identity(), (a, b) -> a));
        Set<String> emails = accounts.stream().map(Account::email).collect(Collectors.toSet());
        List<Drift> drift = new ArrayList<>();
        for (Account account : accounts) {
            if (pending.contains(account.email())) {
                continue;
            }
            DexEntry entry = byEmail.get(account.email());
            if (entry == null) {
                drift.add(new Drift(account.email(), AccountDrift.MISSING, account, null));
            } else if (!entry.matches(account)) {
                drift.add(new Drift(account.email(), AccountDrift.CHANGED, account, entry));
            }
        }
        for (DexEntry entry : byEmail.values()) {
            if (entry.managed() && !emails.contains(entry.email()) && !pending.contains(entry.email())) {
                drift.add(new Drift(entry.email(), AccountDrift.UNEXPECTED, null, entry));
            }
        }
        return drift;
    }
}
