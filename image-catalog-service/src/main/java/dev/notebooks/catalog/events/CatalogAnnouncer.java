package dev.notebooks.catalog.events;

import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.catalog.CatalogDefaultChanged;
import dev.notebooks.platform.events.catalog.CatalogImageAdded;
import dev.notebooks.platform.events.catalog.CatalogImageDeprecated;
import dev.notebooks.platform.events.catalog.CatalogImageRemoved;
import dev.notebooks.platform.events.catalog.CatalogImageUpdated;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.outbox.Outbox;
import jakarta.inject.Singleton;

/**
 * Announces catalog changes on the topic {@code catalog} through the outbox, in the caller's transaction. Image events
 * have the image id as subject; {@code catalog.default.changed.v1} has the server type, so one type's defaults stay in
 * order.
 */
@Singleton
public class CatalogAnnouncer {

    private final Outbox outbox;
    private final String source;

    CatalogAnnouncer(Outbox outbox, EventsConfiguration configuration) {
        this.outbox = outbox;
        this.source = configuration.getSource();
    }

    public void added(ImageEntry image, Actor actor) {
        publish(image, actor, CatalogImageAdded::new);
    }

    public void updated(ImageEntry image, Actor actor) {
        publish(image, actor, CatalogImageUpdated::new);
    }

    public void deprecated(ImageEntry image, Actor actor) {
        publish(image, actor, CatalogImageDeprecated::new);
    }

    public void removed(ImageEntry image, Actor actor) {
        publish(image, actor, CatalogImageRemoved::new);
    }

    /** @param previous the former default; null when the server type had none */
    public void defaultChanged(ImageEntry previous, ImageEntry current, Actor actor) {
        CatalogDefaultChanged data = new CatalogDefaultChanged(
                actor,
                current.serverType(),
                previous == null ? null : previous.id().toString(),
                previous == null ? null : previous.reference(),
                current.id().toString(),
                current.reference());
        outbox.publish(PlatformEvent.of(source, current.serverType().value(), data));
    }

    private void publish(ImageEntry image, Actor actor, ImageEvent<?> event) {
        EventData data = event.of(
                actor,
                image.id().toString(),
                image.reference(),
                image.serverType(),
                image.displayName(),
                image.defaultImage(),
                image.deprecated());
        outbox.publish(PlatformEvent.of(source, image.id().toString(), data));
    }

    /** The constructor every {@code catalog.image.*} record shares. */
    @FunctionalInterface
    private interface ImageEvent<T extends EventData> {
        T of(
                Actor actor,
                String imageId,
                String reference,
                ServerType serverType,
                String displayName,
                boolean defaultImage,
                boolean deprecated);
    }
}
