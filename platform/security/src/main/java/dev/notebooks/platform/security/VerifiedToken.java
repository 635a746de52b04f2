package dev.notebooks.platform.security;

import java.util.List;

/**
 * What a verified Dex ID token says about its user.
 *
 * @param email the user, from the email claim
 * @param groups the groups claim's entries, empty when the token has none
 */
record VerifiedToken(String email, List<String> groups) {

    VerifiedToken {
        groups = List.copyOf(groups);
    }
}
