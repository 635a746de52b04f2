package dev.notebooks.profile.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.Version;
import io.micronaut.data.annotation.sql.ColumnTransformer;

/**
 * What was last announced about a profile.
 *
 * @param uid the profile's uid: a profile deleted and created again under the same name is a new one
 * @param generation the {@code metadata.generation} whose spec was announced
 * @param spec the announced spec, as the events carry it (JSON)
 * @param ready the announced readiness; null before the first
 * @param version optimistic lock, should two replicas ever reconcile at once
 */
@MappedEntity("profile_observation")
public record ProfileObservation(
        @Id String name,
        String uid,
        long generation,
        @ColumnTransformer(write = "CAST(? AS jsonb)") String spec,
        @Nullable Boolean ready,
        @Version @Nullable Long version) {

    public static ProfileObservation first(String name, String uid, long generation, String spec) {
        return new ProfileObservation(name, uid, generation, spec, null, null);
    }

    public ProfileObservation withSpec(long generation, String spec) {
        return new ProfileObservation(name, uid, generation, spec, ready, version);
    }

    public ProfileObservation withReady(boolean ready) {
        return new ProfileObservation(name, uid, generation, spec, ready, version);
    }
}
