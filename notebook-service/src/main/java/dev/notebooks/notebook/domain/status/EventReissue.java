package dev.notebooks.notebook.domain.status;

import dev.notebooks.notebook.domain.NotebookAnnotations;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Pod and StatefulSet events re-issued on their Notebook, as Kubeflow's controller does, so {@code kubectl describe
 * notebook} and the list say why a notebook does not run.
 */
public final class EventReissue {

    private static final Pattern STATEFUL_POD = Pattern.compile("(.+)-[0-9]+");

    private EventReissue() {}

    /** @param notebook the Notebook's name; the event to record on it */
    public record Reissued(String notebook, String type, String reason, String message) {}

    /**
     * @param podLabels the involved pod's labels when known (its {@code notebook-name} names the notebook); else the
     *     notebook is the StatefulSet's, named in the pod's name {@code <notebook>-0}
     * @return the event to record on the Notebook; empty for an event about anything else
     */
    public static Optional<Reissued> of(CoreV1Event event, Map<String, String> podLabels) {
        V1ObjectReference involved = event == null ? null : event.getInvolvedObject();
        if (involved == null || involved.getKind() == null || involved.getName() == null) {
            return Optional.empty();
        }
        Optional<String> notebook =
                switch (involved.getKind()) {
                    case "StatefulSet" -> Optional.of(involved.getName());
                    case "Pod" -> podNotebook(involved.getName(), podLabels);
                    default -> Optional.empty();
                };
        return notebook.map(name -> new Reissued(
                name,
                event.getType(),
                event.getReason(),
                "Reissued from " + involved.getKind().toLowerCase(Locale.ROOT) + "/" + involved.getName() + ": "
                        + (event.getMessage() == null ? "" : event.getMessage())));
    }

    private static Optional<String> podNotebook(String podName, Map<String, String> labels) {
        if (labels != null) {
            return Optional.ofNullable(labels.get(NotebookAnnotations.NOTEBOOK_NAME_LABEL));
        }
        Matcher matcher = STATEFUL_POD.matcher(podName);
        return matcher.matches() ? Optional.of(matcher.group(1)) : Optional.empty();
    }
}
