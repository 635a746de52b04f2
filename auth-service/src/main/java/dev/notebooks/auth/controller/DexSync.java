package dev.notebooks.auth.controller;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.domain.AccountsChanged;
import dev.notebooks.platform.kube.runtime.Projection;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;

/**
 * Projects the accounts into Dex's store, as a {@link Projection} running the {@link DexSyncPass}: at once after every
 * committed account change, at once after any edit of Dex's store (its informer watches the Password objects, or Dex's
 * ConfigMap), when this replica starts leading, and every {@code auth.resync-interval} (for a change committed on
 * another replica). Only the leader writes (and reports drift). A failed pass is logged by its exception's
 * {@code toString()}, which names objects, never passwords or hashes.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class DexSync extends Projection {

    private final DexSyncPass pass;

    DexSync(DexSyncPass pass, DexStore store, AuthSettings settings) {
        super("dex-sync", store.target(), settings.getResyncInterval());
        this.pass = pass;
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onAccountsChanged(AccountsChanged change) {
        request();
    }

    @Override
    protected void project() throws ApiException {
        pass.reconcile();
    }
}
