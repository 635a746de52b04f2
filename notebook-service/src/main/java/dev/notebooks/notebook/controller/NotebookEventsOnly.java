package dev.notebooks.notebook.controller;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.CachedPart;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Of the cluster's Events, the cache keeps those about Notebooks, with what the list's phases and the re-issue read:
 * name, the Notebook (kind, name, uid), type, reason, message and times. The events endpoint reads whole Events from
 * the API server, as Kubeflow's web app does. The Events about pods and StatefulSets pass through {@link PodEvents},
 * which holds them only until they are re-issued on their Notebook; every other Event passes by.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
class NotebookEventsOnly implements CachedPart<CoreV1Event> {

    @Override
    public ResourceType<CoreV1Event> type() {
        return ResourceTypes.EVENT;
    }

    @Override
    public boolean keeps(CoreV1Event event) {
        return event.getInvolvedObject() != null
                && Notebook.KIND.equals(event.getInvolvedObject().getKind());
    }

    @Override
    public CoreV1Event form(CoreV1Event event) {
        if (!keeps(event)) {
            // on its way to PodEvents, which reads the involved object's kind and name
            return event;
        }
        V1ObjectMeta metadata = event.getMetadata();
        V1ObjectReference involved = event.getInvolvedObject();
        return new CoreV1Event()
                .metadata(
                        metadata == null
                                ? null
                                : new V1ObjectMeta()
                                        .name(metadata.getName())
                                        .namespace(metadata.getNamespace())
                                        .creationTimestamp(metadata.getCreationTimestamp()))
                .involvedObject(new V1ObjectReference()
                        .kind(involved.getKind())
                        .name(involved.getName())
                        .uid(involved.getUid()))
                .type(event.getType())
                .reason(event.getReason())
                .message(event.getMessage())
                .firstTimestamp(event.getFirstTimestamp())
                .lastTimestamp(event.getLastTimestamp())
                .eventTime(event.getEventTime());
    }
}
