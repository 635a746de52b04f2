package dev.notebooks.auth.controller;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.store.AccountRepository;
import dev.notebooks.auth.store.AccountRow;
import dev.notebooks.auth.store.PendingWrite;
import dev.notebooks.auth.store.PendingWriteRepository;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.account.DriftDirection;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps Dex's store equal to the accounts. Each pass writes the changes the service made (marked pending in their
 * transaction) and finds drift: differences the service did not make. Drift is audited, announced
 * ({@code account.drift-corrected.v1}) and corrected in the configured direction: Dex's store put back to the
 * accounts, or the accounts taken from Dex's store.
 */
@Singleton
public class DexSyncPass {

    private static final Logger LOG = LoggerFactory.getLogger(DexSyncPass.class);

    private final DexStore store;
    private final AccountRepository accounts;
    private final PendingWriteRepository pendingWrites;
    private final DriftCorrections corrections;
    private final DriftDirection direction;
    private final Actor actor;

    DexSyncPass(
            DexStore store,
            AccountRepository accounts,
            PendingWriteRepository pendingWrites,
            DriftCorrections corrections,
            AuthSettings settings,
            @Value("${micronaut.application.name:auth-service}") String service) {
        this.store = store;
        this.accounts = accounts;
        this.pendingWrites = pendingWrites;
        this.corrections = corrections;
        this.direction = settings.getDriftDirection();
        this.actor = Actor.controller(service);
    }

    /** One pass. @return the drift found and corrected */
    public synchronized List<Drift> reconcile() throws ApiException {
        List<PendingWrite> marks = pendingWrites.findAll();
        List<Account> current = accounts();
        // a change that commits while the accounts are read is pending too, not drift
        Set<String> pending = new HashSet<>();
        marks.forEach(mark -> pending.add(mark.email()));
        pendingWrites.findAll().forEach(mark -> pending.add(mark.email()));
        List<Drift> drift = Drift.between(current, store.read(), pending);
        List<Drift> toPutBack = drift;
        if (direction == DriftDirection.IMPORTED && !drift.isEmpty()) {
            toPutBack = corrections.importFrom(drift, store.backend(), actor);
            current = accounts();
        }
        store.write(current);
        if (!toPutBack.isEmpty()) {
            corrections.putBack(toPutBack, store.backend(), actor);
        }
        marks.forEach(mark -> pendingWrites.clear(mark.email(), mark.seq()));
        if (!drift.isEmpty()) {
            LOG.warn(
                    "Dex's {} store had drifted: {}",
                    store.backend().value(),
                    drift.stream()
                            .map(each -> each.email() + " " + each.kind().value())
                            .toList());
        }
        return drift;
    }

    private List<Account> accounts() {
        return accounts.findAllOrderByEmail().stream()
                .map(AccountRow::toAccount)
                .toList();
    }
}
