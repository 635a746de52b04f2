package dev.notebooks.catalog.api;

import dev.notebooks.catalog.domain.CatalogChange;
import dev.notebooks.catalog.domain.ImageEntry;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.json.JsonMapper;
import io.micronaut.json.tree.JsonNode;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;

/** Turns catalog entries and changes into what the API shows, with their stored JSON as JSON, not strings. */
@Singleton
class Views {

    private final JsonMapper json;

    Views(JsonMapper json) {
        this.json = json;
    }

    ImageView image(ImageEntry image) {
        return new ImageView(
                image.id(),
                image.reference(),
                image.serverType().value(),
                image.displayName(),
                image.description(),
                image.tags(),
                image.defaultImage(),
                image.deprecated(),
                image.addedBy(),
                image.addedAt(),
                image.updatedAt(),
                tree(image.checkResult()),
                image.checkOverridden());
    }

    ChangeView change(CatalogChange change) {
        return new ChangeView(
                change.seq(),
                change.imageId(),
                change.action().value(),
                change.actor(),
                change.via(),
                change.time(),
                tree(change.before()),
                tree(change.after()));
    }

    private @Nullable JsonNode tree(@Nullable String stored) {
        if (stored == null) {
            return null;
        }
        try {
            return json.readValue(stored, JsonNode.class);
        } catch (IOException e) {
            throw new UncheckedIOException("stored JSON does not parse", e);
        }
    }
}
