package dev.notebooks.platform.events.account;

import com.fasterxml.jackson.annotation.JsonValue;

/** How the backend's entry differed from auth-service's account. */
public enum AccountDrift {
    /** auth-service has the account, the backend does not. */
    MISSING("missing"),
    /** Both have it, with different values. */
    CHANGED("changed"),
    /** The backend has an entry auth-service does not know. */
    UNEXPECTED("unexpected");

    private final String value;

    AccountDrift(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
