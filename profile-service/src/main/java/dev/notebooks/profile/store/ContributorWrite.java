package dev.notebooks.profile.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;

/**
 * A contributor RoleBinding the REST API created ({@link #ADD}) or deleted ({@link #REMOVE}), by its uid.
 *
 * @param via {@code api}, as {@code Actor.via}
 */
@MappedEntity("contributor_write")
public record ContributorWrite(
        @Id @GeneratedValue @Nullable Long id, String bindingUid, String action, String actor, String via) {

    public static final String ADD = "add";
    public static final String REMOVE = "remove";

    public static ContributorWrite of(String bindingUid, String action, String actor, String via) {
        return new ContributorWrite(null, bindingUid, action, actor, via);
    }
}
