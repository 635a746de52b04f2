package dev.notebooks.notebook.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.annotation.sql.ColumnTransformer;

/**
 * What was last announced about a notebook.
 *
 * @param id {@code namespace/name}
 * @param uid the notebook's uid: a notebook deleted and created again under the same name is a new one
 * @param spec the announced image, server type, resources and volumes, as the events carry them (JSON)
 * @param state {@link #RUNNING} or {@link #STOPPED}; null before either was announced
 * @param failure the reason of the failure last announced; null while the notebook is not failed
 * @param version optimistic lock, should two replicas ever reconcile at once
 */
@MappedEntity("notebook_observation")
public record NotebookObservation(
        @Id String id,
        String uid,
        @ColumnTransformer(write = "CAST(? AS jsonb)") String spec,
        @Nullable String state,
        @Nullable String failure,
        @Version @Nullable Long version) {

    public static final String RUNNING = "running";
    public static final String STOPPED = "stopped";

    public static NotebookObservation first(String id, String uid, String spec) {
        return new NotebookObservation(id, uid, spec, null, null, null);
    }

    public NotebookObservation withSpec(String spec) {
        return new NotebookObservation(id, uid, spec, state, failure, version);
    }

    public NotebookObservation withState(String state) {
        return new NotebookObservation(id, uid, spec, state, failure, version);
    }

    public NotebookObservation withFailure(String failure) {
        return new NotebookObservation(id, uid, spec, state, failure, version);
    }
}
