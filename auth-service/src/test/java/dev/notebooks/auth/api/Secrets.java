package dev.notebooks.auth.api;

import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Every password the tests send, remembered so that the final scan can look for each of them (and for any bcrypt
 * hash) in logs, audit rows, events and responses.
 */
final class Secrets {

    static final Pattern BCRYPT_HASH = Pattern.compile("\\$2[aby]\\$\\d\\d\\$[./A-Za-z0-9]{53}");

    /** In Dropbox's common-password list, and distinctive enough to find in a log. */
    static final String COMMON = "mailcreated5240";

    private static final Set<String> USED = ConcurrentHashMap.newKeySet();

    static {
        USED.add(COMMON);
    }

    private Secrets() {}

    /** A password the policy accepts. */
    static String password() {
        return remember("Pw-" + UUID.randomUUID());
    }

    /** A password the policy refuses as too short. */
    static String shortPassword() {
        return remember("s" + UUID.randomUUID().toString().substring(0, 8));
    }

    static String remember(String password) {
        USED.add(password);
        return password;
    }

    static List<String> used() {
        return List.copyOf(USED);
    }
}
