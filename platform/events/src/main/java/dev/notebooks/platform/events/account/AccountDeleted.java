package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.Actor;

/** An account was removed. */
public record AccountDeleted(Actor actor, String userId, String email, String username) implements AccountData {

    public static final String TYPE = "account.deleted.v1";
}
