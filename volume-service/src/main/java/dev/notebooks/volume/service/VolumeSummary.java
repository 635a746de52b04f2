package dev.notebooks.volume.service;

import dev.notebooks.platform.events.EventJson;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.Quantities;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** A claim as audit records summarise it: size, class, modes, phase. */
final class VolumeSummary {

    private VolumeSummary() {}

    static String of(V1PersistentVolumeClaim claim) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("size", Quantities.text(Claims.requested(claim)));
        summary.put("storageClass", Claims.storageClass(claim));
        summary.put("accessModes", Claims.accessModes(claim));
        summary.put("phase", Claims.phase(claim));
        try {
            return EventJson.MAPPER.writeValueAsString(summary);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
