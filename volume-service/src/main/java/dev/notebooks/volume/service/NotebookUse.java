package dev.notebooks.volume.service;

import io.micronaut.serde.annotation.Serdeable;

/** A notebook whose pod template mounts a volume, and whether it is stopped (its work is still on the volume). */
@Serdeable
public record NotebookUse(String name, boolean stopped) {

    @Override
    public String toString() {
        return stopped ? name + " (stopped)" : name;
    }
}
