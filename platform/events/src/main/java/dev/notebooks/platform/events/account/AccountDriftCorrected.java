package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.Actor;

/**
 * The account store behind Dex differed from auth-service's accounts and was put right: which store, what differed,
 * and which side won. Like every account event it never carries the password or its hash.
 */
public record AccountDriftCorrected(
        Actor actor,
        String userId,
        String email,
        String username,
        AccountBackend backend,
        AccountDrift drift,
        DriftDirection direction)
        implements AccountData {

    public static final String TYPE = "account.drift-corrected.v1";
}
