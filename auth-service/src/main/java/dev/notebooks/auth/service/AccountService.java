package dev.notebooks.auth.service;

import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.domain.AccountExistsException;
import dev.notebooks.auth.domain.AccountNotFoundException;
import dev.notebooks.auth.domain.AccountPage;
import dev.notebooks.auth.domain.AccountsChanged;
import dev.notebooks.auth.domain.InvalidAccountException;
import dev.notebooks.auth.domain.PasswordHasher;
import dev.notebooks.auth.domain.PasswordPolicy;
import dev.notebooks.auth.domain.Violation;
import dev.notebooks.auth.domain.WrongPasswordException;
import dev.notebooks.auth.events.AccountAnnouncer;
import dev.notebooks.auth.store.AccountLocks;
import dev.notebooks.auth.store.AccountRepository;
import dev.notebooks.auth.store.AccountRow;
import dev.notebooks.auth.store.PendingWriteRepository;
import dev.notebooks.platform.events.Actor;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.core.annotation.Nullable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * The accounts: every change writes the account, its audit record and its event in one transaction and marks it
 * for the reconciler, which writes Dex's store once the transaction commits.
 */
@Singleton
public class AccountService {

    /** What an audit record names the resource and each action (also when it is refused). */
    public static final String KIND = "Account";

    public static final String CREATE = "account.create";
    public static final String CHANGE_PASSWORD = "account.password.change";
    public static final String DELETE = "account.delete";
    public static final String CORRECT_DRIFT = "account.drift.correct";
    public static final String IMPORT = "account.import";
    public static final String LIST = "account.list";

    public static final int MAX_PAGE_SIZE = 500;
    public static final int MAX_EMAIL_LENGTH = 254;
    public static final int MAX_USERNAME_LENGTH = 128;

    private static final Pattern EMAIL = Pattern.compile("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$");

    private final AccountRepository repository;
    private final PendingWriteRepository pendingWrites;
    private final PasswordPolicy policy;
    private final PasswordHasher hasher;
    private final AccountAnnouncer announcer;
    private final AccountLocks locks;
    private final ApplicationEventPublisher<AccountsChanged> changes;

    AccountService(
            AccountRepository repository,
            PendingWriteRepository pendingWrites,
            PasswordPolicy policy,
            PasswordHasher hasher,
            AccountAnnouncer announcer,
            AccountLocks locks,
            ApplicationEventPublisher<AccountsChanged> changes) {
        this.repository = repository;
        this.pendingWrites = pendingWrites;
        this.policy = policy;
        this.hasher = hasher;
        this.announcer = announcer;
        this.locks = locks;
        this.changes = changes;
    }

    /**
     * @throws InvalidAccountException naming {@code email}, {@code username} or {@code password}
     * @throws AccountExistsException when the email is taken
     */
    @Transactional
    public Account create(String email, String username, String password, Actor actor) {
        String normalized = Account.normalizeEmail(email);
        List<Violation> violations = new ArrayList<>(identityViolations(normalized, username));
        violations.addAll(policy.check("password", password, normalized, username));
        if (!violations.isEmpty()) {
            throw new InvalidAccountException(violations);
        }
        locks.lockEmail(normalized);
        if (repository.existsById(normalized)) {
            throw new AccountExistsException(normalized);
        }
        Instant now = now();
        Account account =
                new Account(normalized, username.trim(), UUID.randomUUID().toString(), hasher.hash(password), now, now);
        repository.save(AccountRow.of(account));
        announcer.created(account, actor);
        changed(normalized);
        return account;
    }

    /**
     * Takes over an entry Dex already had (Kubeflow's {@code staticPasswords}), its hash and user id as they are.
     *
     * @throws AccountExistsException when the email is taken
     * @throws InvalidAccountException when the entry cannot be an account (not a bcrypt hash Dex accepts, a user id
     *     already used)
     */
    @Transactional
    public Account adopt(String email, String username, String userId, String hash, Actor actor) {
        String normalized = Account.normalizeEmail(email);
        List<Violation> violations = new ArrayList<>(identityViolations(normalized, username));
        if (!PasswordHasher.isBcrypt(hash)) {
            violations.add(new Violation("hash", "is not a bcrypt hash with a cost from 10 to 16"));
        }
        if (userId == null || userId.isBlank()) {
            violations.add(new Violation("userID", "must not be empty"));
        }
        if (!violations.isEmpty()) {
            throw new InvalidAccountException(violations);
        }
        locks.lockEmail(normalized);
        locks.lockUserId(userId);
        if (repository.existsById(normalized)) {
            throw new AccountExistsException(normalized);
        }
        if (repository.existsByUserId(userId)) {
            throw new InvalidAccountException("userID", "belongs to another account");
        }
        Instant now = now();
        Account account = new Account(normalized, username.trim(), userId, hash, now, now);
        repository.save(AccountRow.of(account));
        announcer.imported(account, actor);
        changed(normalized);
        return account;
    }

    /**
     * @param currentPassword the password now, when the user changes their own; null when an administrator resets it
     * @throws AccountNotFoundException when there is no such account (administrator reset)
     * @throws WrongPasswordException when {@code currentPassword} does not match, or there is no such account (the
     *     user's own change: both take the same time and look alike); audited before it is thrown
     * @throws InvalidAccountException naming {@code newPassword}
     */
    @Transactional
    public Account changePassword(String email, @Nullable String currentPassword, String newPassword, Actor actor) {
        String normalized = Account.normalizeEmail(email);
        locks.lockEmail(normalized);
        Optional<AccountRow> row = repository.findById(normalized == null ? "" : normalized);
        if (currentPassword != null) {
            boolean matches = row.isPresent()
                    ? hasher.verify(currentPassword, row.get().hash())
                    : hasher.verifyMissing(currentPassword);
            if (!matches) {
                announcer.failed(CHANGE_PASSWORD, actor, normalized, "the current password does not match");
                throw new WrongPasswordException(normalized);
            }
        }
        Account account =
                row.orElseThrow(() -> new AccountNotFoundException(normalized)).toAccount();
        List<Violation> violations = policy.check("newPassword", newPassword, account.email(), account.username());
        if (!violations.isEmpty()) {
            throw new InvalidAccountException(violations);
        }
        Account changed = new Account(
                account.email(),
                account.username(),
                account.userId(),
                hasher.hash(newPassword),
                account.createdAt(),
                now());
        repository.update(row.get().with(changed));
        announcer.passwordChanged(changed, actor);
        changed(changed.email());
        return changed;
    }

    /** @throws AccountNotFoundException when there is no such account */
    @Transactional
    public Account delete(String email, Actor actor) {
        String normalized = Account.normalizeEmail(email);
        locks.lockEmail(normalized);
        AccountRow row = repository
                .findById(normalized == null ? "" : normalized)
                .orElseThrow(() -> new AccountNotFoundException(normalized));
        repository.delete(row);
        Account account = row.toAccount();
        announcer.deleted(account, actor);
        changed(account.email());
        return account;
    }

    @Transactional
    public Optional<Account> find(String email) {
        String normalized = Account.normalizeEmail(email);
        return normalized == null
                ? Optional.empty()
                : repository.findById(normalized).map(AccountRow::toAccount);
    }

    /**
     * @param emailPrefix only emails starting with it (lower-cased); null for all
     * @param after the previous page's {@link AccountPage#next()}; null for the first page
     * @param limit 1 to {@value #MAX_PAGE_SIZE}
     */
    @Transactional
    public AccountPage list(@Nullable String emailPrefix, @Nullable String after, int limit) {
        if (limit < 1 || limit > MAX_PAGE_SIZE) {
            throw new InvalidAccountException("limit", "must be between 1 and " + MAX_PAGE_SIZE);
        }
        List<Account> accounts =
                repository.page(Account.normalizeEmail(emailPrefix), Account.normalizeEmail(after), limit + 1).stream()
                        .map(AccountRow::toAccount)
                        .toList();
        if (accounts.size() <= limit) {
            return new AccountPage(accounts, null);
        }
        List<Account> page = accounts.subList(0, limit);
        return new AccountPage(List.copyOf(page), page.get(limit - 1).email());
    }

    /**
     * Whether the password is the account's, taking as long when there is no such account. For callers that only
     * need a yes or no; nothing is audited.
     */
    @Transactional
    public boolean verify(String email, String password) {
        Optional<Account> account = find(email);
        return account.isPresent() ? hasher.verify(password, account.get().hash()) : hasher.verifyMissing(password);
    }

    private void changed(String email) {
        pendingWrites.mark(email);
        changes.publishEvent(new AccountsChanged(email));
    }

    static List<Violation> identityViolations(String email, String username) {
        List<Violation> violations = new ArrayList<>();
        if (email == null || email.isEmpty()) {
            violations.add(new Violation("email", "must not be empty"));
        } else if (email.length() > MAX_EMAIL_LENGTH || !EMAIL.matcher(email).matches()) {
            violations.add(new Violation("email", "must be an email address"));
        }
        if (username == null || username.isBlank()) {
            violations.add(new Violation("username", "must not be empty"));
        } else if (username.trim().length() > MAX_USERNAME_LENGTH) {
            violations.add(new Violation("username", "must be at most " + MAX_USERNAME_LENGTH + " characters long"));
        } else if (username.chars().anyMatch(Character::isISOControl)) {
            violations.add(new Violation("username", "must not contain control characters"));
        }
        return violations;
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }
}
