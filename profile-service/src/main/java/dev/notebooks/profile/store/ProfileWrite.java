package dev.notebooks.profile.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A write to a Profile that this service made, as it made it: the reconciler names {@code actor} as the author of the
 * generation, whatever the Profile's annotations say.
 *
 * @param uid the profile's uid
 * @param generation the generation the write produced, or {@link #DELETION} for the API's delete
 * @param actor the user (or, for registration, the service)
 * @param via {@code api} or {@code controller}, as {@code Actor.via}
 */
@MappedEntity("profile_write")
public record ProfileWrite(
        @Id @GeneratedValue @Nullable Long id, String uid, long generation, String actor, String via) {

    /** The generation a deletion is recorded at: no write produces it. */
    public static final long DELETION = -1;

    public static ProfileWrite of(String uid, long generation, String actor, String via) {
        return new ProfileWrite(null, uid, generation, actor, via);
    }
}
