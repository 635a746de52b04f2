package dev.notebooks.profile.domain.usage;

import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookData;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeData;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import java.time.Instant;
import java.util.Optional;

/**
 * Which events are metering facts, and what each says:
 *
 * <ul>
 *   <li>{@code notebook.started.v1}: runs with its requests from the event's time;
 *   <li>{@code notebook.updated.v1}: runs with the new requests if it was running, else stays stopped;
 *   <li>{@code notebook.stopped/culled/failed/deleted.v1}: stops ({@code failed}: a server that cannot run is not
 *       billed); {@code notebook.created.v1}: not running yet (a start follows);
 *   <li>{@code volume.created/resized.v1}: storage of its size and class from {@code boundAt} (creation) or the event
 *       time (resize); nothing while not bound; {@code volume.deleted.v1}: no storage.
 * </ul>
 *
 * Snapshot events and every other type are no facts.
 */
public final class UsageFacts {

    static final int CREATED = 0;
    static final int STARTED = 1;
    static final int UPDATED = 2;
    static final int STOPPED = 3;
    static final int DELETED = 4;

    private UsageFacts() {}

    /**
     * @throws IllegalArgumentException when the event's data cannot be read or holds a quantity that is not one
     */
    public static Optional<Fact> of(ReceivedEvent event) {
        return switch (event.type()) {
            case NotebookCreated.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookCreated.class), CREATED, false));
            case NotebookStarted.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookStarted.class), STARTED, true));
            case NotebookUpdated.TYPE -> {
                NotebookUpdated updated = event.dataAs(NotebookUpdated.class);
                yield Optional.of(notebook(event, updated, UPDATED, updated.running()));
            }
            case NotebookStopped.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookStopped.class), STOPPED, false));
            case NotebookCulled.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookCulled.class), STOPPED, false));
            case NotebookFailed.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookFailed.class), STOPPED, false));
            case NotebookDeleted.TYPE ->
                Optional.of(notebook(event, event.dataAs(NotebookDeleted.class), DELETED, false));
            case VolumeCreated.TYPE -> {
                VolumeCreated created = event.dataAs(VolumeCreated.class);
                Instant at = created.boundAt() != null ? created.boundAt() : event.time();
                yield Optional.of(volume(event, created, at, CREATED, created.boundAt() != null));
            }
            case VolumeResized.TYPE -> {
                VolumeResized resized = event.dataAs(VolumeResized.class);
                yield Optional.of(volume(event, resized, event.time(), UPDATED, resized.boundAt() != null));
            }
            case VolumeDeleted.TYPE ->
                Optional.of(volume(event, event.dataAs(VolumeDeleted.class), event.time(), DELETED, false));
            default -> Optional.empty();
        };
    }

    private static Fact notebook(ReceivedEvent event, NotebookData data, int rank, boolean running) {
        Meter meter = Meter.OFF;
        if (running) {
            NotebookResources resources = data.resources();
            int gpus = resources.gpu() == null ? 0 : resources.gpu().count();
            meter = Meter.notebook(
                    Quantities.parse(resources.cpu()),
                    Quantities.parse(resources.memory()),
                    gpus,
                    gpus > 0 ? resources.gpu().vendor() : null);
        }
        return new Fact(
                event.id(),
                data.namespace(),
                ResourceKind.NOTEBOOK,
                data.name(),
                event.time(),
                rank,
                meter,
                event.type());
    }

    private static Fact volume(ReceivedEvent event, VolumeData data, Instant at, int rank, boolean bound) {
        Meter meter = bound ? Meter.volume(Quantities.parse(data.size()), data.storageClass()) : Meter.OFF;
        return new Fact(event.id(), data.namespace(), ResourceKind.VOLUME, data.name(), at, rank, meter, event.type());
    }
}
