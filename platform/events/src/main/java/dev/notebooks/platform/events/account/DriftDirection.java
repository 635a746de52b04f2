package dev.notebooks.platform.events.account;

import com.fasterxml.jackson.annotation.JsonValue;

/** Which side won when drift was corrected. */
public enum DriftDirection {
    /** The backend was rewritten (or the entry removed) to match auth-service. */
    SERVICE_WINS("service-wins"),
    /** auth-service took the backend's entry as its own. */
    IMPORTED("imported");

    private final String value;

    DriftDirection(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
