package dev.notebooks.notebook.domain.spawner;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1Volume;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.util.List;
import java.util.Map;

/**
 * A volume in JWA's form: where to mount it, and either a new PVC to create or an existing volume source.
 *
 * @param newPvc a PersistentVolumeClaim to create; its name may contain {@code {notebook-name}}
 * @param existingSource any volume source (client-java has no VolumeSource model: a Volume whose name is ignored); a
 *     {@code persistentVolumeClaim} one gives the volume the claim's name
 */
public record FormVolume(String mount, V1PersistentVolumeClaim newPvc, V1Volume existingSource) {

    public static FormVolume newPvc(String mount, String name, String size, String accessMode) {
        return new FormVolume(
                mount,
                new V1PersistentVolumeClaim()
                        .metadata(new V1ObjectMeta().name(name))
                        .spec(new V1PersistentVolumeClaimSpec()
                                .accessModes(List.of(accessMode))
                                .resources(new V1VolumeResourceRequirements()
                                        .requests(Map.of("storage", new Quantity(size))))),
                null);
    }

    public static FormVolume existing(String mount, V1Volume source) {
        return new FormVolume(mount, null, source);
    }
}
