package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.Actor;

/** An account was registered (by an administrator or by the user). */
public record AccountCreated(Actor actor, String userId, String email, String username) implements AccountData {

    public static final String TYPE = "account.created.v1";
}
