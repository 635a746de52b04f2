package dev.notebooks.profile.api;

import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.profile.ProfileServiceFixtures;
import java.time.Duration;

/**
 * A reconciled profile and the people around it: its owner, an edit and a view contributor (bound as KFAM binds
 * them), and a stranger. Ready once the service sees every role.
 */
record World(String profile, String owner, String editor, String viewer, String stranger) {

    private static final Duration ROLES_SEEN = Duration.ofSeconds(5);

    static World create(Cluster cluster, ProfileRoles roles) {
        World world = new World(
                ProfileServiceFixtures.uniqueName("world"),
                ApiTestProperties.user("owner"),
                ApiTestProperties.user("editor"),
                ApiTestProperties.user("viewer"),
                ApiTestProperties.user("stranger"));
        cluster.createProfile(world.profile, world.owner);
        cluster.awaitNamespaceOf(world.profile);
        cluster.bindAsKfam(world.profile, world.editor, ProfileRole.EDIT);
        cluster.bindAsKfam(world.profile, world.viewer, ProfileRole.VIEW);
        await().atMost(ROLES_SEEN)
                .until(() -> roles.roleOf(caller(world.editor), world.profile) == ProfileRole.EDIT
                        && roles.roleOf(caller(world.viewer), world.profile) == ProfileRole.VIEW);
        return world;
    }

    private static Caller caller(String user) {
        return new Caller(user, false, "127.0.0.1");
    }
}
