package dev.notebooks.auth.service;

import dev.notebooks.auth.dex.DexConfig;
import dev.notebooks.auth.dex.DexConfigMap;
import dev.notebooks.auth.domain.Account;
import dev.notebooks.auth.domain.AccountExistsException;
import dev.notebooks.auth.domain.InvalidAccountException;
import dev.notebooks.auth.domain.PasswordHasher;
import dev.notebooks.platform.events.Actor;
import io.kubernetes.client.openapi.ApiException;
import jakarta.inject.Singleton;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Takes over the {@code staticPasswords} of Dex's ConfigMap, as a Kubeflow installation has them, so a running cluster
 * can move to this service: each entry with a bcrypt hash of its own ({@code $2a$}, {@code $2b$} or {@code $2y$}) becomes
 * an account with that hash and user id, unchanged. Each entry is imported in its own transaction.
 */
@Singleton
public class StaticPasswordImport {

    private final DexConfigMap configMap;
    private final AccountService accounts;

    StaticPasswordImport(DexConfigMap configMap, AccountService accounts) {
        this.configMap = configMap;
        this.accounts = accounts;
    }

    /** @throws IllegalStateException when Dex's ConfigMap does not exist */
    public ImportReport importStaticPasswords(Actor actor) throws ApiException {
        List<String> imported = new ArrayList<>();
        List<ImportReport.Entry> skipped = new ArrayList<>();
        List<ImportReport.Entry> conflicting = new ArrayList<>();
        for (DexConfig.Entry entry : configMap.read().config().staticPasswords()) {
            Map<String, String> fields = entry.fields();
            String email = Account.normalizeEmail(fields.get("email"));
            String hash = fields.get("hash");
            if (email == null || email.isEmpty()) {
                skipped.add(new ImportReport.Entry("", "no email"));
                continue;
            }
            if (hash == null) {
                skipped.add(new ImportReport.Entry(
                        email,
                        fields.containsKey("hashFromEnv")
                                ? "its hash comes from the environment variable " + fields.get("hashFromEnv")
                                        + " of Dex's pod; create the account instead"
                                : "no hash"));
                continue;
            }
            if (!PasswordHasher.isBcrypt(hash)) {
                skipped.add(new ImportReport.Entry(email, "not a bcrypt hash with a cost from 10 to 16"));
                continue;
            }
            Optional<Account> existing = accounts.find(email);
            if (existing.isPresent()) {
                if (sameAccount(existing.get(), fields)) {
                    skipped.add(new ImportReport.Entry(email, "already an account"));
                } else {
                    conflicting.add(
                            new ImportReport.Entry(email, "an account with this email exists with other values"));
                }
                continue;
            }
            try {
                accounts.adopt(email, username(fields, email), fields.get("userID"), hash, actor);
                imported.add(email);
            } catch (AccountExistsException e) {
                conflicting.add(new ImportReport.Entry(email, "an account with this email exists"));
            } catch (InvalidAccountException e) {
                conflicting.add(new ImportReport.Entry(email, e.getMessage()));
            }
        }
        return new ImportReport(imported, skipped, conflicting);
    }

    private static boolean sameAccount(Account account, Map<String, String> fields) {
        return account.hash().equals(fields.get("hash"))
                && account.userId().equals(fields.get("userID"))
                && account.username().equals(fields.get("username"));
    }

    /** Dex requires a username; an entry without one is named after its email's local part. */
    private static String username(Map<String, String> fields, String email) {
        String username = fields.get("username");
        return username == null || username.isBlank() ? email.substring(0, email.indexOf('@')) : username;
    }
}
