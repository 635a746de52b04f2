package dev.notebooks.profile.store;

import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.GeneratedValue;
import io.micronaut.data.annotation.Id;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.annotation.MappedProperty;

/**
 * A contributor last announced as added to a profile.
 *
 * @param bindingUid the uid of the RoleBinding that grants it: one deleted and created again is a new contributor
 * @param role {@code edit} or {@code view}
 */
@MappedEntity("contributor_observation")
public record ContributorObservation(
        @Id @GeneratedValue @Nullable Long id,
        String profile,
        String bindingUid,
        @MappedProperty("username") String user,
        String role) {

    public static ContributorObservation of(String profile, String bindingUid, String user, String role) {
        return new ContributorObservation(null, profile, bindingUid, user, role);
    }
}
