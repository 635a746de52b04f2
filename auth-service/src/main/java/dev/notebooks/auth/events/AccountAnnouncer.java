package dev.notebooks.auth.events;

import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.service.AccountService;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.events.account.AccountDrift;
import dev.notebooks.platform.events.account.AccountDriftCorrected;
import dev.notebooks.platform.events.account.AccountPasswordChanged;
import dev.notebooks.platform.events.account.DriftDirection;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import io.micronaut.context.annotation.Value;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;

/**
 * The audit record and the event of each account change, written in the change's transaction. Both are built from
 * {@link AccountSummary}: neither ever holds a password or a hash.
 */
@Singleton
public class AccountAnnouncer {

    private final Outbox outbox;
    private final AuditLog auditLog;
    private final JsonMapper json;
    private final String source;

    AccountAnnouncer(
            Outbox outbox,
            AuditLog auditLog,
            JsonMapper json,
            @Value("${micronaut.application.name:auth-service}") String source) {
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.json = json;
        this.source = source;
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void created(Account account, Actor actor) {
        audit(AuditRecord.allowed(AccountService.CREATE), actor, account.email(), null, account);
        publish(account, new AccountCreated(actor, account.userId(), account.email(), account.username()));
    }

    /** An account taken over from Dex's existing entries. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void imported(Account account, Actor actor) {
        audit(AuditRecord.allowed(AccountService.IMPORT), actor, account.email(), null, account);
        publish(account, new AccountCreated(actor, account.userId(), account.email(), account.username()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void passwordChanged(Account account, Actor actor) {
        audit(AuditRecord.allowed(AccountService.CHANGE_PASSWORD), actor, account.email(), account, account);
        publish(account, new AccountPasswordChanged(actor, account.userId(), account.email(), account.username()));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void deleted(Account account, Actor actor) {
        audit(AuditRecord.allowed(AccountService.DELETE), actor, account.email(), account, null);
        publish(account, new AccountDeleted(actor, account.userId(), account.email(), account.username()));
    }

    /**
     * Dex's store differed and was put right.
     *
     * @param before the account as the losing side held it, if it held it
     * @param after the account as both sides hold it now, if it still exists
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void driftCorrected(
            Actor actor,
            AccountBackend backend,
            AccountDrift drift,
            DriftDirection direction,
            @Nullable AccountSummary before,
            @Nullable AccountSummary after) {
        AccountSummary account = after != null ? after : before;
        String userId = account.userId() == null ? "" : account.userId();
        String username = account.username() == null ? "" : account.username();
        auditLog.record(AuditRecord.allowed(AccountService.CORRECT_DRIFT)
                .reason(drift.value() + " in " + backend.value() + ", " + direction.value())
                .actor(actor.user(), actor.via())
                .resource(AccountService.KIND, null, account.email())
                .before(json(before))
                .after(json(after))
                .build());
        outbox.publish(PlatformEvent.of(
                        source,
                        userId.isEmpty() ? account.email() : userId,
                        new AccountDriftCorrected(actor, userId, account.email(), username, backend, drift, direction))
                .keyedBy(account.email()));
    }

    /** A refused attempt, kept even though the transaction it happened in rolls back. */
    public void failed(String action, Actor actor, String email, String reason) {
        auditLog.recordInOwnTransaction(AuditRecord.failed(action, reason)
                .actor(actor.user(), actor.via())
                .resource(AccountService.KIND, null, email)
                .build());
    }

    private void audit(
            AuditRecord.Builder record, Actor actor, String email, @Nullable Account before, @Nullable Account after) {
        auditLog.record(record.actor(actor.user(), actor.via())
                .resource(AccountService.KIND, null, email)
                .before(summary(before))
                .after(summary(after))
                .build());
    }

    // keyed by email: a re-created account gets a new user id, and consumers act per email, so one email's events
    // must stay on one partition, in order
    private void publish(Account account, EventData data) {
        outbox.publish(PlatformEvent.of(source, account.userId(), data).keyedBy(account.email()));
    }

    private String summary(@Nullable Account account) {
        return account == null ? null : json(AccountSummary.of(account));
    }

    private String json(@Nullable AccountSummary summary) {
        if (summary == null) {
            return null;
        }
        try {
            return json.writeValueAsString(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
