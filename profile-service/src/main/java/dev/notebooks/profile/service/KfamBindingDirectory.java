package dev.notebooks.profile.service;

import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.security.KubeflowBindings;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.cache.Caches;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.RbacAuthorizationV1Api;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.time.Duration;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * KFAM's view of the RoleBindings: every binding annotated with both {@code user} and {@code role} (the owner's
 * {@code namespaceAdmin} included), with the role named as KFAM names it. One namespace is read from the API server,
 * so a contributor just added shows at once; many are read from the informer cache.
 */
@Singleton
public class KfamBindingDirectory {

    /** KFAM's {@code roleBindingNameMap}: ClusterRole to the role name its API uses. */
    private static final Map<String, String> ROLE_NAMES = Map.of(
            "kubeflow-admin", "admin",
            "kubeflow-edit", "edit",
            "kubeflow-view", "view");

    private final InformerCache informers;
    private final RbacAuthorizationV1Api rbac;

    KfamBindingDirectory(InformerCache informers, ApiClient apiClient) {
        this.informers = informers;
        this.rbac = new RbacAuthorizationV1Api(apiClient);
    }

    public List<KfamBinding> in(String namespace, @Nullable String user, @Nullable String role) throws ApiException {
        return rbac.listNamespacedRoleBinding(namespace).execute().getItems().stream()
                .map(binding -> kfamBinding(binding, user, role))
                .flatMap(Optional::stream)
                .toList();
    }

    public List<KfamBinding> in(Collection<String> namespaces, @Nullable String user, @Nullable String role) {
        SharedIndexInformer<V1RoleBinding> informer = informer();
        if (!informer.hasSynced()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The RoleBinding cache is still loading");
        }
        return namespaces.stream()
                .flatMap(namespace -> informer.getIndexer().byIndex(Caches.NAMESPACE_INDEX, namespace).stream())
                .map(binding -> kfamBinding(binding, user, role))
                .flatMap(Optional::stream)
                .toList();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        informer();
        informers.start();
    }

    private SharedIndexInformer<V1RoleBinding> informer() {
        return informers.informer(ResourceTypes.ROLE_BINDING, Duration.ZERO);
    }

    /** As KFAM's {@code BindingClient.List}; a binding without exactly one subject is left out rather than failing. */
    private static Optional<KfamBinding> kfamBinding(
            V1RoleBinding binding, @Nullable String user, @Nullable String role) {
        Map<String, String> annotations = binding.getMetadata().getAnnotations();
        if (annotations == null
                || !annotations.containsKey(KubeflowBindings.USER_ANNOTATION)
                || !annotations.containsKey(KubeflowBindings.ROLE_ANNOTATION)
                || binding.getSubjects() == null
                || binding.getSubjects().size() != 1) {
            return Optional.empty();
        }
        if ((user != null && !user.equals(annotations.get(KubeflowBindings.USER_ANNOTATION)))
                || (role != null && !role.equals(annotations.get(KubeflowBindings.ROLE_ANNOTATION)))) {
            return Optional.empty();
        }
        var subject = binding.getSubjects().get(0);
        return Optional.of(new KfamBinding(
                new KfamBinding.Subject(subject.getKind(), null, subject.getName(), null),
                binding.getMetadata().getNamespace(),
                new KfamBinding.RoleRef(
                        null,
                        binding.getRoleRef().getKind(),
                        ROLE_NAMES.getOrDefault(binding.getRoleRef().getName(), "")),
                null));
    }
}
