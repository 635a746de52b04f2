package dev.notebooks.notebook.controller;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.CachedPart;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;

/**
 * Of the cluster's Events, the cache keeps those about Notebooks: the API and the list's phases read nothing else. The
 * Events about pods and StatefulSets pass through {@link PodEvents}, which holds them only until they are re-issued on
 * their Notebook; every other Event passes by.
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
}
