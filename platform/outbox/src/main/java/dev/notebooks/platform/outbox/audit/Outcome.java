package dev.notebooks.platform.outbox.audit;

/** How an audited attempt ended. */
public enum Outcome {
    /** Authorized and done. */
    ALLOWED,
    /** Refused by authorization; nothing changed. */
    DENIED,
    /** Authorized but it did not succeed (invalid, conflicting, or an error); nothing changed. */
    FAILED
}
