package dev.notebooks.platform.events;

import com.fasterxml.jackson.annotation.JsonValue;

/** The kind of notebook server an image runs; Kubeflow's spawner groups images the same way. */
public enum ServerType {
    JUPYTER("jupyter"),
    VSCODE("vscode"),
    RSTUDIO("rstudio");

    private final String value;

    ServerType(String value) {
        this.value = value;
    }

    @JsonValue
    public String value() {
        return value;
    }
}
