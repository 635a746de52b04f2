package dev.notebooks.catalog.domain;

import java.util.UUID;

/** No catalog image has the id: a 404. */
public class ImageNotFoundException extends RuntimeException {

    private final UUID id;

    public ImageNotFoundException(UUID id) {
        super("no image " + id + " in the catalog");
        this.id = id;
    }

    public UUID id() {
        return id;
    }
}
