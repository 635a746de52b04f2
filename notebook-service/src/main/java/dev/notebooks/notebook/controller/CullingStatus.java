package dev.notebooks.notebook.controller;

import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookCondition;
import jakarta.inject.Singleton;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the culler knows of each running notebook's activity source, for the reconciler to put in its status: a
 * notebook without a working source is never culled, and its status says so ({@code IdleCulling=False,
 * NoActivitySource}); one with a working source says where its activity is read. Kept in memory: the culler reads every
 * running notebook within one check period of starting to lead.
 */
@Singleton
class CullingStatus {

    static final String CONDITION = "IdleCulling";
    static final String NO_SOURCE = "NoActivitySource";
    static final String WATCHED = "ActivityRead";

    /** @param never the reason it is never culled; empty when its activity is read */
    record Source(Optional<String> never, String description) {}

    private final Map<String, Source> sources = new ConcurrentHashMap<>();

    /** @return whether this differs from what was known (the status must change) */
    boolean set(String namespace, String name, Source source) {
        return !source.equals(sources.put(namespace + "/" + name, source));
    }

    void forget(String namespace, String name) {
        sources.remove(namespace + "/" + name);
    }

    Optional<NotebookCondition> condition(Notebook notebook) {
        Source source = sources.get(notebook.namespace() + "/" + notebook.name());
        if (source == null) {
            return Optional.empty();
        }
        return Optional.of(
                source.never().isPresent()
                        ? new NotebookCondition(
                                CONDITION,
                                "False",
                                null,
                                null,
                                NO_SOURCE,
                                "never culled: " + source.never().get())
                        : new NotebookCondition(CONDITION, "True", null, null, WATCHED, source.description()));
    }
}
