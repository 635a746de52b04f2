package dev.notebooks.platform.kube.runtime;

import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;

/**
 * A service's reconciler: a bean implementing this is run by the {@link ControllerRuntime}. It is called with the
 * current state of a primary resource (a copy, free to change) whenever it or one of its owned children changes, on
 * every resync, and again after a failure, and brings the world in line with it. It must be idempotent.
 *
 * <p>A thrown {@link ApiException} (409 Conflict included) or other exception reconciles the resource again later, with
 * a rate-limited backoff. A resource that no longer exists is not reconciled: its children carry owner references and
 * the API's garbage collector deletes them.
 *
 * <p>Runs only where Micronaut's {@code k8s} environment is active (it is in a pod; set it elsewhere).
 */
public interface ResourceReconciler<T extends KubernetesObject> {

    /** @return the primary resource and the kinds of children it owns */
    ReconcilerSpec<T> spec();

    /** @return {@link Results#done()}, or when to come back */
    Result reconcile(T resource) throws ApiException;
}
