package dev.notebooks.notebook.domain.culling;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.children.NotebookPodTemplate;
import dev.notebooks.notebook.domain.spawner.SpawnerServerType;
import java.util.Map;
import java.util.Optional;

/** Which activity source a notebook has: a probe configured for its image, else for its server type, else the type's own. */
public final class ActivitySources {

    public static final String CODE_SERVER_HEALTH = "/healthz";

    private ActivitySources() {}

    /**
     * @param imageProbe the catalog's probe for the notebook's image, if any
     * @param typeProbes configured probes per server type
     */
    public static ActivitySource of(
            Notebook notebook,
            Optional<ActivitySource.HttpProbe> imageProbe,
            Map<SpawnerServerType, ActivitySource.HttpProbe> typeProbes) {
        String prefix = NotebookPodTemplate.prefix(notebook.namespace(), notebook.name());
        Optional<SpawnerServerType> type =
                SpawnerServerType.fromAnnotation(notebook.annotations().get(NotebookAnnotations.SERVER_TYPE));
        Optional<ActivitySource.HttpProbe> probe = imageProbe.or(() -> type.map(typeProbes::get));
        if (probe.isPresent()) {
            String path = probe.get().path() == null ? "" : probe.get().path().replace("{prefix}", prefix);
            if (!JsonPointer.isValid(probe.get().pointer()) || !path.startsWith("/")) {
                return new ActivitySource.None("the activity probe's path or JSON pointer is invalid");
            }
            return new ActivitySource.HttpProbe(path, probe.get().pointer());
        }
        if (type.isEmpty()) {
            return new ActivitySource.None(
                    "unknown server type " + notebook.annotations().get(NotebookAnnotations.SERVER_TYPE));
        }
        return switch (type.get()) {
            case JUPYTER -> new ActivitySource.JupyterApi(prefix + "/api/kernels", prefix + "/api/terminals");
            case GROUP_ONE -> new ActivitySource.CodeServerHeartbeat(CODE_SERVER_HEALTH);
            case GROUP_TWO -> new ActivitySource.None("no activity probe is configured for RStudio");
        };
    }
}
