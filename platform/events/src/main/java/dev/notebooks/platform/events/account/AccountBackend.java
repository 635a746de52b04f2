package dev.notebooks.platform.events.account;

import com.fasterxml.jackson.annotation.JsonValue;

/** Where Dex reads its static passwords from: its Kubernetes storage (Password resources) or a ConfigMap. */
public enum AccountBackend {
    KUBERNETES("kubernetes"),
    CONFIGMAP("configmap");

    private final String value;

    AccountBackend(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
