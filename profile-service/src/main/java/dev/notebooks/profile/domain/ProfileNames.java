package dev.notebooks.profile.domain;

import java.util.Locale;
import java.util.stream.IntStream;
import java.util.stream.Stream;

/**
 * The profile name a new user gets: the local part of their email as a DNS-1123 label ({@code Jane.Doe+ml} becomes
 * {@code jane-doe-ml}), then {@code -2}, {@code -3}... while a name is taken.
 */
public final class ProfileNames {

    private static final int MAX_LENGTH = 63;
    /** Room for a suffix such as {@code -999}, so a candidate never needs cutting again. */
    private static final int MAX_BASE_LENGTH = MAX_LENGTH - 4;

    private static final String FALLBACK = "user";

    private ProfileNames() {}

    /** @return the name from the email alone, before any suffix */
    public static String base(String email) {
        int at = email.lastIndexOf('@');
        String local = (at < 0 ? email : email.substring(0, at)).toLowerCase(Locale.ROOT);
        String label = local.replaceAll("[^a-z0-9]+", "-").replaceAll("^-+|-+$", "");
        if (label.length() > MAX_BASE_LENGTH) {
            label = label.substring(0, MAX_BASE_LENGTH).replaceAll("-+$", "");
        }
        return label.isEmpty() ? FALLBACK : label;
    }

    /** @return the base, then the base with {@code -2} up to {@code -limit}, in the order to try them */
    public static Stream<String> candidates(String email, int limit) {
        String base = base(email);
        return Stream.concat(Stream.of(base), IntStream.rangeClosed(2, limit).mapToObj(n -> base + "-" + n));
    }
}
