package dev.notebooks.platform.events.account;

import dev.notebooks.platform.events.EventData;

/**
 * What every account event says about the account (a Dex static password entry). The subject is the user id, which
 * never changes, so an email change keeps the account's events in order.
 */
public interface AccountData extends EventData {

    String userId();

    String email();

    String username();
}
