package dev.notebooks.volume;

import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import java.time.Duration;

/**
 * A profile namespace and the people around it: its owner, an edit and a view contributor (bound as KFAM binds
 * them), and a stranger. Ready once the service sees every role.
 */
public record World(String namespace, String owner, String editor, String viewer, String stranger) {

    private static final Duration ROLES_SEEN = Duration.ofSeconds(10);

    public static World create(Cluster cluster, ProfileRoles roles) {
        World world = new World(
                VolumeServiceFixtures.uniqueName("team"),
                VolumeServiceFixtures.user("owner"),
                VolumeServiceFixtures.user("editor"),
                VolumeServiceFixtures.user("viewer"),
                VolumeServiceFixtures.user("stranger"));
        cluster.profileNamespace(world.namespace, world.owner);
        cluster.bindAsKfam(world.namespace, world.editor, ProfileRole.EDIT);
        cluster.bindAsKfam(world.namespace, world.viewer, ProfileRole.VIEW);
        await().atMost(ROLES_SEEN)
                .until(() -> roles.roleOf(caller(world.owner), world.namespace) == ProfileRole.OWNER
                        && roles.roleOf(caller(world.editor), world.namespace) == ProfileRole.EDIT
                        && roles.roleOf(caller(world.viewer), world.namespace) == ProfileRole.VIEW);
        return world;
    }

    public String pvcs() {
        return "/api/namespaces/" + namespace + "/pvcs";
    }

    public String pvc(String name) {
        return pvcs() + "/" + name;
    }

    private static Caller caller(String user) {
        return new Caller(user, false, "127.0.0.1");
    }
}
