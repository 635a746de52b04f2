package dev.notebooks.auth.controller;

import dev.notebooks.auth.dex.DexEntry;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.domain.PasswordHasher;
import dev.notebooks.auth.events.AccountAnnouncer;
import dev.notebooks.auth.events.AccountSummary;
import dev.notebooks.auth.store.AccountLocks;
import dev.notebooks.auth.store.AccountRepository;
import dev.notebooks.auth.store.AccountRow;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.events.account.AccountDrift;
import dev.notebooks.platform.events.account.DriftDirection;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;

/** Records corrected drift (audit and event) and, when Dex's side wins, takes its entries into the accounts. */
@Singleton
public class DriftCorrections {

    private final AccountRepository repository;
    private final AccountAnnouncer announcer;
    private final AccountLocks locks;

    DriftCorrections(AccountRepository repository, AccountAnnouncer announcer, AccountLocks locks) {
        this.repository = repository;
        this.announcer = announcer;
        this.locks = locks;
    }

    /** Dex's store was rewritten to the accounts. */
    @Transactional
    public void putBack(List<Drift> drift, AccountBackend backend, Actor actor) {
        for (Drift each : drift) {
            announcer.driftCorrected(
                    actor,
                    backend,
                    each.kind(),
                    DriftDirection.SERVICE_WINS,
                    summary(each.entry()),
                    each.account() == null ? null : AccountSummary.of(each.account()));
        }
    }

    /**
     * The accounts were changed to Dex's entries: an account Dex lost is deleted, a changed or unexpected entry with a
     * hash Dex accepts becomes the account. Drift that cannot be imported this way is left for {@link #putBack}.
     *
     * @return the drift that was not imported
     */
    @Transactional
    public List<Drift> importFrom(List<Drift> drift, AccountBackend backend, Actor actor) {
        return drift.stream().filter(each -> !imported(each, backend, actor)).toList();
    }

    private boolean imported(Drift drift, AccountBackend backend, Actor actor) {
        locks.lockEmail(drift.email());
        if (drift.kind() == AccountDrift.MISSING) {
            repository.deleteById(drift.email());
            announce(drift, backend, actor, null);
            return true;
        }
        DexEntry entry = drift.entry();
        if (!PasswordHasher.isBcrypt(entry.hash())
                || entry.userId() == null
                || entry.username() == null
                || userIdTakenByAnother(entry)) {
            return false;
        }
        Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
        Optional<AccountRow> row = repository.findById(entry.email());
        Account account = new Account(
                entry.email(),
                entry.username(),
                entry.userId(),
                entry.hash(),
                row.map(AccountRow::createdAt).orElse(now),
                now);
        if (row.isPresent()) {
            repository.update(row.get().with(account));
        } else {
            repository.save(AccountRow.of(account));
        }
        announce(drift, backend, actor, account);
        return true;
    }

    private boolean userIdTakenByAnother(DexEntry entry) {
        return repository.findAll().stream()
                .anyMatch(row ->
                        row.userId().equals(entry.userId()) && !row.email().equals(entry.email()));
    }

    private void announce(Drift drift, AccountBackend backend, Actor actor, @Nullable Account after) {
        AccountSummary before = drift.account() == null ? null : AccountSummary.of(drift.account());
        announcer.driftCorrected(
                actor,
                backend,
                drift.kind(),
                DriftDirection.IMPORTED,
                before,
                after == null ? null : AccountSummary.of(after));
    }

    private static AccountSummary summary(@Nullable DexEntry entry) {
        return entry == null ? null : new AccountSummary(entry.email(), entry.username(), entry.userId());
    }
}
