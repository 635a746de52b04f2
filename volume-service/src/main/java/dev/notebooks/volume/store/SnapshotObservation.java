package dev.notebooks.volume.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import java.time.Instant;

/** What was announced about a snapshot: the data of its {@code volume.snapshot-created.v1}. */
@MappedEntity("snapshot_observation")
public record SnapshotObservation(
        @Id String id,
        String namespace,
        String name,
        String uid,
        String volume,
        String size,
        @Nullable String storageClass,
        String accessModes,
        @Nullable String snapshotClass,
        Instant readyAt,
        @Version @Nullable Long version) {}
