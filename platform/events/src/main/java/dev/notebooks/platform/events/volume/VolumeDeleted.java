package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.List;

/** A volume was deleted. */
public record VolumeDeleted(
        Actor actor,
        String namespace,
        String name,
        String size,
        String storageClass,
        List<String> accessModes,
        Instant boundAt)
        implements VolumeData {

    public static final String TYPE = "volume.deleted.v1";

    public VolumeDeleted {
        accessModes = List.copyOf(accessModes);
    }
}
