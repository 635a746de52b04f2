package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;
import java.util.Optional;

/**
 * Lists and watches a kind for an informer this cache runs itself: cluster-wide, or one namespace and optionally one
 * name through a field selector (a projection's target).
 */
final class ScopedListerWatcher<T extends KubernetesObject> implements ListerWatcher<T, KubernetesListObject> {

    private final GenericKubernetesApi<T, KubernetesListObject> api;
    private final String namespace;
    private final Optional<String> fieldSelector;

    /** @param namespace null for every namespace (or a cluster-scoped kind) */
    ScopedListerWatcher(
            GenericKubernetesApi<T, KubernetesListObject> api, String namespace, Optional<String> fieldSelector) {
        this.api = api;
        this.namespace = namespace;
        this.fieldSelector = fieldSelector;
    }

    static <T extends KubernetesObject> ScopedListerWatcher<T> of(
            GenericKubernetesApi<T, KubernetesListObject> api, ProjectionTarget<T> target) {
        return new ScopedListerWatcher<>(api, target.namespace(), target.fieldSelector());
    }

    @Override
    public KubernetesListObject list(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return (namespace == null ? api.list(options) : api.list(namespace, options))
                .throwsApiException()
                .getObject();
    }

    @Override
    public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return namespace == null ? api.watch(options) : api.watch(namespace, options);
    }

    private ListOptions options(CallGeneratorParams params) {
        ListOptions options = new ListOptions();
        options.setResourceVersion(params.resourceVersion);
        options.setTimeoutSeconds(params.timeoutSeconds);
        fieldSelector.ifPresent(options::setFieldSelector);
        return options;
    }
}
