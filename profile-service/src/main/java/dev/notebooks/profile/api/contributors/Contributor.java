package dev.notebooks.profile.api.contributors;

import dev.notebooks.platform.events.profile.ContributorRole;
import io.micronaut.serde.annotation.Serdeable;

/**
 * A user with a role in a profile other than its owner.
 *
 * @param user the user id (an email with Dex)
 * @param role {@code edit} or {@code view}
 */
@Serdeable
public record Contributor(String user, String role) {

    public static Contributor of(String user, ContributorRole role) {
        return new Contributor(user, role.value());
    }
}
