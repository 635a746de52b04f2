package dev.notebooks.volume.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/**
 * What was last announced about a claim.
 *
 * @param id {@code namespace/name}
 * @param uid the claim's uid: one deleted and created again under the same name is a new one
 * @param size the requested size announced last
 * @param accessModes comma-separated
 * @param version optimistic lock, should two replicas ever announce at once
 */
@MappedEntity("volume_observation")
public record VolumeObservation(
        @Id String id,
        String namespace,
        String name,
        String uid,
        String size,
        @Nullable String storageClass,
        String accessModes,
        Instant boundAt,
        @Version @Nullable Long version) {

    public VolumeObservation withSize(String newSize) {
        return new VolumeObservation(id, namespace, name, uid, newSize, storageClass, accessModes, boundAt, version);
    }
}
