package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.List;

/** A volume (PersistentVolumeClaim) was created in a profile's namespace. */
public record VolumeCreated(
        Actor actor,
        String namespace,
        String name,
        String size,
        String storageClass,
        List<String> accessModes,
        Instant boundAt)
        implements VolumeData {

    public static final String TYPE = "volume.created.v1";

    public VolumeCreated {
        accessModes = List.copyOf(accessModes);
    }
}
