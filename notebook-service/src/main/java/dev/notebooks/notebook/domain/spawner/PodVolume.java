package dev.notebooks.notebook.domain.spawner;

import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeMount;

/** A form volume as the pod has it; {@code claim} is the PVC to create first, null for an existing source. */
record PodVolume(String field, V1Volume volume, V1VolumeMount mount, V1PersistentVolumeClaim claim) {}
