package dev.notebooks.auth.api;

import dev.notebooks.auth.AuthSettings;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.domain.AccountNotFoundException;
import dev.notebooks.auth.domain.WrongPasswordException;
import dev.notebooks.auth.service.AccountService;
import dev.notebooks.auth.service.ImportReport;
import dev.notebooks.auth.service.StaticPasswordImport;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.RequestCallers;
import dev.notebooks.platform.security.SecurityConfiguration;
import dev.notebooks.platform.security.UnauthenticatedException;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.annotation.Body;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Delete;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.PathVariable;
import io.micronaut.http.annotation.Post;
import io.micronaut.http.annotation.Put;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.Status;
import io.micronaut.problem.HttpStatusType;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.parameters.RequestBody;
import io.swagger.v3.oas.annotations.responses.ApiResponse;
import java.net.URI;
import java.util.Objects;
import java.util.Optional;
import org.zalando.problem.Problem;
import org.zalando.problem.ThrowableProblem;

/**
 * AccountService, for administrators and for their own users. Identity comes from the gateway's header; requests without
 * one are refused, except {@code POST /api/accounts} while {@code auth.self-registration} is on: someone who has no
 * account yet has no identity either. Bodies are read here ({@link RequestBodies}) so no answer can quote a password.
 */
@Controller("/api/accounts")
@ExecuteOn(TaskExecutors.BLOCKING)
class AccountController {

    static final int DEFAULT_LIMIT = 50;

    private final AccountService accounts;
    private final Authorizer authorizer;
    private final AuthSettings settings;
    private final SecurityConfiguration security;
    private final RequestBodies bodies;
    private final PasswordAttempts attempts;
    private final AuditLog auditLog;
    private final StaticPasswordImport staticPasswordImport;

    AccountController(
            AccountService accounts,
            Authorizer authorizer,
            AuthSettings settings,
            SecurityConfiguration security,
            RequestBodies bodies,
            PasswordAttempts attempts,
            AuditLog auditLog,
            StaticPasswordImport staticPasswordImport) {
        this.accounts = accounts;
        this.authorizer = authorizer;
        this.settings = settings;
        this.security = security;
        this.bodies = bodies;
        this.attempts = attempts;
        this.auditLog = auditLog;
        this.staticPasswordImport = staticPasswordImport;
    }

    /**
     * An admin creates any account. Without the identity header, and only while self-registration is on, anyone
     * creates their own. A signed-in user who is not an admin already has an account and is refused (403).
     */
    @Post
    @ApiResponse(
            responseCode = "201",
            description = "Created",
            content = @Content(schema = @Schema(implementation = AccountView.class)))
    HttpResponse<AccountView> create(
            HttpRequest<?> request,
            @RequestBody(content = @Content(schema = @Schema(implementation = CreateAccountRequest.class)))
                    @Body
                    @Nullable
                    byte[] body) {
        Optional<Caller> caller = callerOf(request);
        caller.ifPresentOrElse(
                admin -> authorizer.requireClusterAdmin(admin, AccountService.CREATE, AccountService.KIND, null),
                () -> {
                    if (!settings.isSelfRegistration()) {
                        throw unauthenticated();
                    }
                });
        CreateAccountRequest account = AccountRequests.create(bodies.json(body));
        Actor actor = Actor.api(caller.map(Caller::user).orElse(Account.normalizeEmail(account.email())));
        Account created = accounts.create(account.email(), account.username(), account.password(), actor);
        return HttpResponse.created(AccountView.of(created), URI.create("/api/accounts/" + created.email()));
    }

    /** Admins: every account in email order, optionally only emails starting with {@code emailPrefix}. */
    @Get
    AccountPageView list(
            @Parameter(hidden = true) Caller caller,
            @Nullable @QueryValue String emailPrefix,
            @Nullable @QueryValue String after,
            @Nullable @QueryValue Integer limit) {
        authorizer.requireClusterAdmin(caller, AccountService.LIST, AccountService.KIND, null);
        int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, AccountService.MAX_PAGE_SIZE));
        return AccountPageView.of(accounts.list(emailPrefix, after, size));
    }

    /** The account itself or an admin. */
    @Get("/{email}")
    AccountView read(@Parameter(hidden = true) Caller caller, @PathVariable String email) {
        requireSelfOrAdmin(caller, email, "account.read");
        return accounts.find(email).map(AccountView::of).orElseThrow(() -> new AccountNotFoundException(email));
    }

    /**
     * Users change their own password with the current one; an admin resets anyone's without it. Failed checks of
     * the current password are audited and limited per account and per client address ({@link PasswordAttempts}).
     */
    @Put("/{email}/password")
    @Status(HttpStatus.NO_CONTENT)
    void changePassword(
            @Parameter(hidden = true) Caller caller,
            @PathVariable String email,
            @RequestBody(content = @Content(schema = @Schema(implementation = ChangePasswordRequest.class)))
                    @Body
                    @Nullable
                    byte[] body) {
        boolean self = isSelf(caller, email);
        requireSelfOrAdmin(caller, email, AccountService.CHANGE_PASSWORD);
        ChangePasswordRequest change = AccountRequests.changePassword(bodies.json(body));
        String currentPassword = self ? change.currentPassword() : null;
        if (self && currentPassword == null && !caller.admin()) {
            throw ApiProblems.invalid("currentPassword", "is required to change your own password");
        }
        Actor actor = Actor.api(caller.user());
        if (currentPassword == null) {
            accounts.changePassword(email, null, change.newPassword(), actor);
            return;
        }
        String account = Account.normalizeEmail(email);
        String client = Objects.toString(caller.remoteAddress(), "unknown");
        attempts.blockedFor(account, client).ifPresent(wait -> {
            auditLog.record(
                    AuditRecord.denied(AccountService.CHANGE_PASSWORD, "too many failed current-password checks")
                            .actor(caller.user(), caller.remoteAddress())
                            .resource(AccountService.KIND, null, account)
                            .build());
            throw new TooManyAttemptsException(wait);
        });
        try {
            accounts.changePassword(email, currentPassword, change.newPassword(), actor);
        } catch (WrongPasswordException e) {
            attempts.recordFailure(account, client);
            throw e;
        }
    }

    @Delete("/{email}")
    @Status(HttpStatus.NO_CONTENT)
    void delete(@Parameter(hidden = true) Caller caller, @PathVariable String email) {
        authorizer.requireClusterAdmin(caller, AccountService.DELETE, AccountService.KIND, email);
        accounts.delete(email, Actor.api(caller.user()));
    }

    /**
     * Admins: takes over the {@code staticPasswords} of Dex's ConfigMap (a Kubeflow installation's users), hashes
     * and user ids as they are, and reports what was imported, skipped and conflicting.
     */
    @Post("/import")
    ImportReport importFromDex(@Parameter(hidden = true) Caller caller) {
        authorizer.requireClusterAdmin(caller, AccountService.IMPORT, AccountService.KIND, null);
        try {
            return staticPasswordImport.importStaticPasswords(Actor.api(caller.user()));
        } catch (IllegalStateException e) {
            throw ApiProblems.notFound("Dex's ConfigMap " + settings.getDexNamespace() + "/"
                    + settings.getConfigMapName() + " does not exist.");
        } catch (ApiException e) {
            throw ApiProblems.kubernetesUnavailable("Reading Dex's ConfigMap failed: HTTP " + e.getCode());
        }
    }

    private void requireSelfOrAdmin(Caller caller, String email, String action) {
        if (!isSelf(caller, email)) {
            authorizer.requireClusterAdmin(caller, action, AccountService.KIND, Account.normalizeEmail(email));
        }
    }

    private static boolean isSelf(Caller caller, String email) {
        return caller.user().equalsIgnoreCase(Account.normalizeEmail(email));
    }

    /** The caller, if the request names one; a refused bearer token is a 401, never an anonymous registration. */
    private static Optional<Caller> callerOf(HttpRequest<?> request) {
        return RequestCallers.find(request);
    }

    private ThrowableProblem unauthenticated() {
        return Problem.builder()
                .withType(UnauthenticatedException.TYPE)
                .withTitle("Unauthenticated")
                .withStatus(new HttpStatusType(HttpStatus.UNAUTHORIZED))
                .withDetail("The request carries no user: the " + security.getUseridHeader()
                        + " header is missing or empty, and self-registration is off.")
                .build();
    }
}
