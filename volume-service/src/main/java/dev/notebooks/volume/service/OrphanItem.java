package dev.notebooks.volume.service;

import io.micronaut.serde.annotation.Serdeable;
import java.time.Instant;
import java.util.List;

/**
 * A volume no notebook has mounted for longer than the window.
 *
 * @param lastUsedAt when it was last seen mounted; null if never (since this service watched)
 * @param idleDays whole days since then (or since it was created)
 * @param stoppedNotebooks stopped notebooks that still name it (they would lose it if it were deleted)
 */
@Serdeable
public record OrphanItem(
        String namespace,
        String name,
        String size,
        String storageClass,
        Instant lastUsedAt,
        long idleDays,
        List<String> stoppedNotebooks) {}
