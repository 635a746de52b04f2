package dev.notebooks.volume.service;

import dev.notebooks.volume.domain.VolumeStatus;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * One volume of the list: VWA's item, plus what VWA lacks (the requested size, which notebooks are stopped, the pods).
 *
 * @param capacity {@code status.capacity.storage}, else the requested size (as VWA shows it)
 * @param storageClass the claim's class; null when it names none
 * @param notebooks the notebooks that mount it, running or stopped (VWA's {@code notebooks}: their names)
 * @param pods the pods that mount it now
 */
public record VolumeItem(
        String name,
        String namespace,
        VolumeStatus status,
        OffsetDateTime age,
        String capacity,
        String requested,
        List<String> modes,
        String storageClass,
        List<NotebookUse> notebooks,
        List<String> pods,
        int snapshots) {}
