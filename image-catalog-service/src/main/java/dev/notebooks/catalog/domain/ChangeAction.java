package dev.notebooks.catalog.domain;

import com.fasterxml.jackson.annotation.JsonValue;

/** What a change in the catalog's history did to an image. */
public enum ChangeAction {
    ADD("add"),
    EDIT("edit"),
    DEFAULT("default"),
    DEPRECATE("deprecate"),
    REMOVE("remove");

    private final String value;

    ChangeAction(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }

    public static ChangeAction of(String value) {
        for (ChangeAction action : values()) {
            if (action.value.equals(value)) {
                return action;
            }
        }
        throw new IllegalArgumentException("unknown change action '" + value + "'");
    }
}
