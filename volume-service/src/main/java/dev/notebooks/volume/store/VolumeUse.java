package dev.notebooks.volume.store;

import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import java.time.Instant;

/** When a claim was last seen mounted. */
@MappedEntity("volume_use")
public record VolumeUse(@Id String id, String namespace, String name, Instant lastUsedAt) {}
