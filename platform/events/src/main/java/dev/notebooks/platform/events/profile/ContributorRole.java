package dev.notebooks.platform.events.profile;

import com.fasterxml.jackson.annotation.JsonValue;

/** A contributor's role in a profile, as Kubeflow's access management names it. */
public enum ContributorRole {
    EDIT("edit"),
    VIEW("view");

    private final String value;

    ContributorRole(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
