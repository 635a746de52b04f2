package dev.notebooks.notebook.domain.spawner;

import dev.notebooks.platform.events.ServerType;
import java.util.Arrays;
import java.util.Optional;

/**
 * JWA's server types as its form sends them and as the {@code notebooks.kubeflow.org/server-type} annotation holds
 * them, with the catalog's name for each.
 */
public enum SpawnerServerType {
    JUPYTER("jupyter", ServerType.JUPYTER),
    /** code-server: served at {@code /}, so the route rewrites the prefix away. */
    GROUP_ONE("group-one", ServerType.VSCODE),
    /** RStudio: served at {@code /}, and told its public root by a request header. */
    GROUP_TWO("group-two", ServerType.RSTUDIO);

    private final String formValue;
    private final ServerType serverType;

    SpawnerServerType(String formValue, ServerType serverType) {
        this.formValue = formValue;
        this.serverType = serverType;
    }

    public String formValue() {
        return formValue;
    }

    public ServerType serverType() {
        return serverType;
    }

    public static Optional<SpawnerServerType> fromFormValue(String value) {
        return Arrays.stream(values())
                .filter(type -> type.formValue.equals(value))
                .findFirst();
    }

    /**
     * The server type a Notebook's annotation names; also accepts the catalog's names ({@code vscode}, {@code
     * rstudio}). A Notebook without the annotation (applied with kubectl) is taken for Jupyter, as Kubeflow's culler does.
     */
    public static Optional<SpawnerServerType> fromAnnotation(String value) {
        if (value == null || value.isEmpty()) {
            return Optional.of(JUPYTER);
        }
        return fromFormValue(value).or(() -> Arrays.stream(values())
                .filter(type -> type.serverType.value().equals(value))
                .findFirst());
    }
}
