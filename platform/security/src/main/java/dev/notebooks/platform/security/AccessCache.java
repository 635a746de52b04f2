package dev.notebooks.platform.security;

import dev.notebooks.platform.kube.runtime.CacheCompaction;
import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.informer.impl.DefaultSharedIndexInformer;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1NamespaceList;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.kubernetes.client.openapi.models.V1RoleBindingList;
import io.kubernetes.client.util.CallGenerator;
import io.micronaut.context.annotation.Context;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Namespaces and RoleBindings, kept current by two informers, so that no access decision calls the API server.
 * Created with the application context so the caches fill while the service starts.
 */
@Context
class AccessCache {

    private static final String BY_OWNER = "owner";
    private static final String BY_USER = "user";
    private static final long NO_RESYNC = 0;

    private final SharedIndexInformer<V1Namespace> namespaces;
    private final SharedIndexInformer<V1RoleBinding> roleBindings;

    AccessCache(ApiClient apiClient) {
        CoreV1Api core = new CoreV1Api(apiClient);
        RbacAuthorizationV1Api rbac = new RbacAuthorizationV1Api(apiClient);
        namespaces = informer(apiClient, V1Namespace.class, V1NamespaceList.class, params -> core.listNamespace()
                .resourceVersion(params.resourceVersion)
                .timeoutSeconds(params.timeoutSeconds)
                .watch(params.watch)
                .buildCall(null));
        namespaces.addIndexers(Map.of(BY_OWNER, namespace -> KubeflowBindings.owner(namespace).stream()
                .toList()));
        roleBindings = informer(
                apiClient,
                V1RoleBinding.class,
                V1RoleBindingList.class,
                params -> rbac.listRoleBindingForAllNamespaces()
                        .resourceVersion(params.resourceVersion)
                        .timeoutSeconds(params.timeoutSeconds)
                        .watch(params.watch)
                        .buildCall(null));
        roleBindings.addIndexers(Map.of(
                BY_USER, binding -> KubeflowBindings.user(binding).stream().toList()));
    }

    private static <T extends KubernetesObject, L extends KubernetesListObject> SharedIndexInformer<T> informer(
            ApiClient apiClient, Class<T> type, Class<L> listType, CallGenerator calls) {
        var informer =
                new DefaultSharedIndexInformer<>(type, new ListWatch<>(apiClient, type, listType, calls), NO_RESYNC);
        // access is decided by annotations, subjects and roles; the rest of each object is never read
        informer.setTransform(object -> CacheCompaction.INSTANCE.transform(AccessFields.INSTANCE.transform(object)));
        return informer;
    }

    @PostConstruct
    void start() {
        namespaces.run();
        roleBindings.run();
    }

    @PreDestroy
    void stop() {
        namespaces.stop();
        roleBindings.stop();
    }

    boolean hasSynced() {
        return namespaces.hasSynced() && roleBindings.hasSynced();
    }

    Optional<V1Namespace> namespace(String name) {
        return Optional.ofNullable(namespaces.getIndexer().getByKey(name));
    }

    /** Namespaces annotated with an owner, as the profile controller makes them. */
    List<V1Namespace> profileNamespaces() {
        return namespaces.getIndexer().list().stream()
                .filter(namespace -> KubeflowBindings.owner(namespace).isPresent())
                .toList();
    }

    List<V1Namespace> namespacesOwnedBy(String user) {
        return namespaces.getIndexer().byIndex(BY_OWNER, user);
    }

    List<V1RoleBinding> roleBindingsIn(String namespace) {
        return roleBindings.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace);
    }

    List<V1RoleBinding> roleBindingsFor(String user) {
        return roleBindings.getIndexer().byIndex(BY_USER, user);
    }
}
