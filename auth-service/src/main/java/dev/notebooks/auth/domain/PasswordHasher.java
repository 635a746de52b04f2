package dev.notebooks.auth.domain;

import at.favre.lib.crypto.bcrypt.BCrypt;
import java.util.regex.Pattern;

/**
 * bcrypt as Dex checks it: hashes made here are {@code $2a$} at the configured cost; hashes of any bcrypt version
 * ({@code $2a$}, {@code $2b$}, {@code $2y$}, as htpasswd and the Kubeflow manifests make them) verify.
 */
public class PasswordHasher {

    /** Dex refuses static-password hashes outside this range. */
    public static final int MIN_COST = 10;

    public static final int MAX_COST = 16;

    private static final Pattern BCRYPT = Pattern.compile("^\\$2[aby]\\$(\\d\\d)\\$[./A-Za-z0-9]{53}$");

    private final int cost;
    private final String dummyHash;

    public PasswordHasher(int cost) {
        if (cost < MIN_COST || cost > MAX_COST) {
            throw new IllegalArgumentException(
                    "auth.bcrypt-cost must be between " + MIN_COST + " and " + MAX_COST + ", not " + cost);
        }
        this.cost = cost;
        // verified against when an account does not exist, so that answer takes as long as a real check
        this.dummyHash = BCrypt.withDefaults().hashToString(cost, "no account has this password".toCharArray());
    }

    public int cost() {
        return cost;
    }

    /** @return a new {@code $2a$} hash with a random salt */
    public String hash(String password) {
        return BCrypt.withDefaults().hashToString(cost, password.toCharArray());
    }

    /** @return whether the password matches the hash; false for anything that is not a bcrypt hash */
    public boolean verify(String password, String hash) {
        if (!isBcrypt(hash)) {
            return false;
        }
        return BCrypt.verifyer().verify(password.toCharArray(), hash).verified;
    }

    /** Spends the time of one verification and fails: for an account that does not exist. */
    public boolean verifyMissing(String password) {
        BCrypt.verifyer().verify(password.toCharArray(), dummyHash);
        return false;
    }

    /** @return whether this is a bcrypt hash Dex accepts: version 2a, 2b or 2y with a cost from 10 to 16 */
    public static boolean isBcrypt(String hash) {
        if (hash == null) {
            return false;
        }
        var matcher = BCRYPT.matcher(hash);
        if (!matcher.matches()) {
            return false;
        }
        int hashCost = Integer.parseInt(matcher.group(1));
        return hashCost >= MIN_COST && hashCost <= MAX_COST;
    }
}
