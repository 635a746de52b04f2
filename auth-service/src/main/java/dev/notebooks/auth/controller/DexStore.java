package dev.notebooks.auth.controller;

import dev.notebooks.auth.dex.DexEntry;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.kube.runtime.ProjectionTarget;
import io.kubernetes.client.openapi.ApiException;
import java.util.Collection;
import java.util.List;

/** Where Dex reads its static passwords: its Kubernetes storage or its ConfigMap. */
public interface DexStore {

    AccountBackend backend();

    /** @return what holds the entries in Kubernetes, watched so that an edit of it is synced at once */
    ProjectionTarget<?> target();

    /** @return every entry Dex's store holds, this service's and others' */
    List<DexEntry> read() throws ApiException;

    /**
     * Makes this service's entries exactly the accounts: adds and rewrites them, removes this service's entries that
     * are no longer accounts. Others' entries are left untouched, unless one has an account's email: the account
     * takes its place. Writes nothing when the store already agrees.
     */
    void write(Collection<Account> accounts) throws ApiException;
}
