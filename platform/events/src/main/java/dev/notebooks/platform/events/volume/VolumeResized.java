package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.Actor;
import java.time.Instant;
import java.util.List;

/**
 * A volume's requested size changed.
 *
 * @param previousSize the size before
 * @param size the size after
 */
public record VolumeResized(
        Actor actor,
        String namespace,
        String name,
        String previousSize,
        String size,
        String storageClass,
        List<String> accessModes,
        Instant boundAt)
        implements VolumeData {

    public static final String TYPE = "volume.resized.v1";

    public VolumeResized {
        accessModes = List.copyOf(accessModes);
    }
}
