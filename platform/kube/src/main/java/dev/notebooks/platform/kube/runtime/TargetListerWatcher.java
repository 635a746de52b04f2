package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesListObject;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.informer.ListerWatcher;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.util.CallGeneratorParams;
import io.kubernetes.client.util.Watchable;
import io.kubernetes.client.util.generic.GenericKubernetesApi;
import io.kubernetes.client.util.generic.options.ListOptions;

/** Lists and watches only a projection's target: one namespace, and one name through a field selector. */
final class TargetListerWatcher<T extends KubernetesObject> implements ListerWatcher<T, KubernetesListObject> {

    private final GenericKubernetesApi<T, KubernetesListObject> api;
    private final ProjectionTarget<T> target;

    TargetListerWatcher(GenericKubernetesApi<T, KubernetesListObject> api, ProjectionTarget<T> target) {
        this.api = api;
        this.target = target;
    }

    @Override
    public KubernetesListObject list(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return (target.namespace() == null ? api.list(options) : api.list(target.namespace(), options))
                .throwsApiException()
                .getObject();
    }

    @Override
    public Watchable<T> watch(CallGeneratorParams params) throws ApiException {
        ListOptions options = options(params);
        return target.namespace() == null ? api.watch(options) : api.watch(target.namespace(), options);
    }

    private ListOptions options(CallGeneratorParams params) {
        ListOptions options = new ListOptions();
        options.setResourceVersion(params.resourceVersion);
        options.setTimeoutSeconds(params.timeoutSeconds);
        target.fieldSelector().ifPresent(options::setFieldSelector);
        return options;
    }
}
