package dev.notebooks.notebook.domain.spawner;

import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimVolumeSource;
import io.kubernetes.client.openapi.models.V1Volume;
import java.util.List;

/** Bodies as JWA's frontend posts them. */
final class Forms {

    static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";

    private Forms() {}

    static NotebookForm jwa(String name) {
        return new NotebookForm(
                name,
                IMAGE,
                "",
                "IfNotPresent",
                "jupyter",
                "0.5",
                "",
                "1.0Gi",
                "",
                new Gpus("none", ""),
                FormVolume.newPvc("/home/jovyan", name + "-workspace", "5Gi", "ReadWriteOnce"),
                List.of(),
                true,
                List.of(),
                "",
                "");
    }

    static FormVolume existingClaim(String mount, String claim) {
        return FormVolume.existing(
                mount,
                new V1Volume()
                        .name("ignored")
                        .persistentVolumeClaim(new V1PersistentVolumeClaimVolumeSource().claimName(claim)));
    }

    static NotebookForm with(NotebookForm form, String field, Object value) {
        var components = NotebookForm.class.getRecordComponents();
        Object[] values = new Object[components.length];
        Class<?>[] types = new Class<?>[components.length];
        try {
            boolean found = false;
            for (int i = 0; i < components.length; i++) {
                types[i] = components[i].getType();
                boolean replaced = components[i].getName().equals(field);
                found |= replaced;
                values[i] = replaced ? value : components[i].getAccessor().invoke(form);
            }
            if (!found) {
                throw new IllegalArgumentException("no field " + field);
            }
            return NotebookForm.class.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException(e);
        }
    }
}
