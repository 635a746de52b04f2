package dev.notebooks.notebook;

import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.KubeflowBindings;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.RbacV1Subject;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleRef;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A profile namespace and the people around it, as Kubeflow's profile controller and KFAM make them: its owner, an
 * edit and a view contributor, and a stranger. Ready once the service sees every role.
 */
public record Profiles(String namespace, String owner, String editor, String viewer, String stranger) {

    public static final String ADMIN = "admin@example.com";
    private static final Duration ROLES_SEEN = Duration.ofSeconds(20);

    private static ResourceClient client() {
        return new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("kubectl"));
    }

    public static Profiles create(ProfileRoles roles) {
        Profiles world = new Profiles(
                NotebookServiceFixtures.uniqueName("team"),
                user("owner"),
                user("editor"),
                user("viewer"),
                user("stranger"));
        ResourceClient client = client();
        try {
            client.create(
                    ResourceTypes.NAMESPACE,
                    new V1Namespace()
                            .metadata(new V1ObjectMeta()
                                    .name(world.namespace)
                                    .annotations(Map.of("owner", world.owner))));
            bind(client, world.namespace, world.editor, ProfileRole.EDIT);
            bind(client, world.namespace, world.viewer, ProfileRole.VIEW);
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
        await().atMost(ROLES_SEEN)
                .until(() -> roles.roleOf(caller(world.owner), world.namespace) == ProfileRole.OWNER
                        && roles.roleOf(caller(world.editor), world.namespace) == ProfileRole.EDIT
                        && roles.roleOf(caller(world.viewer), world.namespace) == ProfileRole.VIEW);
        return world;
    }

    public void quota(String name, Map<String, String> hard) {
        Map<String, Quantity> limits = new LinkedHashMap<>();
        hard.forEach((resource, quantity) -> limits.put(resource, Quantity.fromString(quantity)));
        try {
            client().create(
                            ResourceTypes.RESOURCE_QUOTA,
                            new V1ResourceQuota()
                                    .metadata(new V1ObjectMeta().name(name).namespace(namespace))
                                    .spec(new V1ResourceQuotaSpec().hard(limits)));
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
    }

    /** Writes (or replaces) the spawner ConfigMap as an admin would. */
    public static void spawnerConfig(String namespace, String yaml) {
        spawnerConfigMap(namespace, Map.of("spawner_ui_config.yaml", yaml));
    }

    /** Writes (or replaces) the spawner ConfigMap with these keys, as image-catalog-service and an admin would. */
    public static void spawnerConfigMap(String namespace, Map<String, String> data) {
        ResourceClient client = client();
        KubernetesFixture.shared().ensureNamespaces(namespace);
        try {
            client.delete(ResourceTypes.CONFIG_MAP, namespace, "jupyter-web-app-config");
            client.create(
                    ResourceTypes.CONFIG_MAP,
                    new V1ConfigMap()
                            .metadata(new V1ObjectMeta()
                                    .name("jupyter-web-app-config")
                                    .namespace(namespace))
                            .data(data));
        } catch (ApiException e) {
            throw new IllegalStateException(e.getResponseBody(), e);
        }
    }

    private static void bind(ResourceClient client, String namespace, String user, ProfileRole role)
            throws ApiException {
        client.create(
                ResourceTypes.ROLE_BINDING,
                new V1RoleBinding()
                        .metadata(new V1ObjectMeta()
                                .name(KubeflowBindings.contributorBindingName(user, role))
                                .namespace(namespace)
                                .annotations(Map.of("user", user, "role", KubeflowBindings.roleName(role))))
                        .roleRef(new V1RoleRef()
                                .apiGroup("rbac.authorization.k8s.io")
                                .kind("ClusterRole")
                                .name(KubeflowBindings.clusterRole(role)))
                        .subjects(List.of(new RbacV1Subject()
                                .apiGroup("rbac.authorization.k8s.io")
                                .kind("User")
                                .name(user))));
    }

    public String notebooks() {
        return "/api/namespaces/" + namespace + "/notebooks";
    }

    public String notebook(String name) {
        return notebooks() + "/" + name;
    }

    public static String user(String name) {
        return NotebookServiceFixtures.uniqueName(name) + "@example.com";
    }

    private static Caller caller(String user) {
        return new Caller(user, false, "127.0.0.1");
    }
}
