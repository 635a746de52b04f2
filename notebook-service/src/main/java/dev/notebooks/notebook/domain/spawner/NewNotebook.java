package dev.notebooks.notebook.domain.spawner;

import dev.notebooks.notebook.domain.Notebook;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import java.util.List;

/**
 * What a valid create or edit writes: the Notebook and the PVCs its {@code newPvc} volumes ask for, to create first.
 */
public record NewNotebook(Notebook notebook, List<V1PersistentVolumeClaim> claims) {

    public NewNotebook {
        claims = List.copyOf(claims);
    }
}
