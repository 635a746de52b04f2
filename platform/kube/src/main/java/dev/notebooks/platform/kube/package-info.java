/**
 * The Kubernetes side of every service: Micronaut Kubernetes' client and informers, client-java's controller runtime,
 * and the helpers a reconciler needs.
 *
 * <p>A service declares a reconciler as a bean; {@link dev.notebooks.platform.kube.runtime.ControllerRuntime} builds its
 * informers, work queue, workers and leader election (the {@code k8s} environment must be active):
 *
 * <pre>{@code
 * @Singleton
 * class ProfileReconciler implements ResourceReconciler<V1Profile> {
 *     static final ResourceType<V1Profile> PROFILES = ResourceType.clusterScoped(
 *             "kubeflow.org", "v1", "Profile", "profiles", V1Profile.class, V1ProfileList.class);
 *
 *     public ReconcilerSpec<V1Profile> spec() {
 *         return ReconcilerSpec.of(PROFILES, ResourceTypes.NAMESPACE, ResourceTypes.RESOURCE_QUOTA);
 *     }
 *
 *     public Result reconcile(V1Profile profile) throws ApiException {
 *         V1Namespace namespace = ...; // with OwnerReferences.controller(PROFILES, profile) and Labels.managedBy(...)
 *         if (applier.apply(ResourceTypes.NAMESPACE, namespace).created()) {
 *             events.normal(PROFILES, profile, "NamespaceCreated", "Created namespace " + name);
 *         }
 *         statusWriter.write(PROFILES, profile, new ProfileStatus(
 *                 Conditions.set(profile.conditions(), Conditions.ready(profile.getMetadata().getGeneration()))));
 *         return Results.done();
 *     }
 * }
 * }</pre>
 *
 * Configuration: {@link dev.notebooks.platform.kube.KubeConfiguration} ({@code platform.kube.*}).
 */
package dev.notebooks.platform.kube;
