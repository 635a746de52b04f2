package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.Actor;

/** An account's password was changed (by its user or reset by an administrator); the event never carries the password or its hash. */
public record AccountPasswordChanged(Actor actor, String userId, String email, String username) implements AccountData {

    public static final String TYPE = "account.password-changed.v1";
}
