package dev.notebooks.platform.kube.runtime;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.apply.Applier;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.Labels;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import io.kubernetes.client.extended.controller.reconciler.Result;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** A reconciler as a service writes one: a Profile gets a namespace of its name and a Ready condition. */
@Singleton
@Requires(env = Environment.KUBERNETES)
@Requires(notEnv = {LeaderOnlyTest.ENVIRONMENT, ProjectionTest.ENVIRONMENT})
class ProfileNamespaceReconciler implements ResourceReconciler<TestProfile> {

    /** A profile of this owner fails every pass as the API server answers a service account without RBAC. */
    static final String REFUSED_OWNER = "refused@example.com";

    static final ResourceType<TestProfile> PROFILES = ResourceType.clusterScoped(
            "kubeflow.org", "v1", "Profile", "profiles", TestProfile.class, TestProfileList.class);

    private final Applier applier;
    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final String service;
    private final Map<String, AtomicInteger> passes = new ConcurrentHashMap<>();
    private final Map<String, AtomicInteger> statusWrites = new ConcurrentHashMap<>();

    ProfileNamespaceReconciler(
            Applier applier, StatusWriter statusWriter, EventRecorder events, KubeConfiguration configuration) {
        this.applier = applier;
        this.statusWriter = statusWriter;
        this.events = events;
        this.service = configuration.getFieldManager();
    }

    @Override
    public ReconcilerSpec<TestProfile> spec() {
        return ReconcilerSpec.of(PROFILES, ResourceTypes.NAMESPACE);
    }

    @Override
    public Result reconcile(TestProfile profile) throws ApiException {
        String name = profile.getMetadata().getName();
        count(passes, name);
        if (REFUSED_OWNER.equals(profile.getSpec().owner().name())) {
            throw new ApiException(
                    403,
                    Map.of(),
                    "{\"kind\":\"Status\",\"message\":\"namespaces is forbidden: no RBAC for the test\"}");
        }
        V1Namespace namespace = new V1Namespace()
                .metadata(new V1ObjectMeta()
                        .name(name)
                        .labels(Labels.managedBy(service, "kubeflow"))
                        .annotations(Map.of("owner", profile.getSpec().owner().name()))
                        .ownerReferences(List.of(OwnerReferences.controller(PROFILES, profile))));
        if (applier.apply(ResourceTypes.NAMESPACE, namespace).created()) {
            events.normal(PROFILES, profile, "NamespaceCreated", "Created namespace " + name);
        }
        var status = new TestProfile.Status(Conditions.set(
                profile.conditions(), Conditions.ready(profile.getMetadata().getGeneration())));
        if (statusWriter.write(PROFILES, profile, status)) {
            count(statusWrites, name);
        }
        return Results.done();
    }

    int passes(String profile) {
        return passes.getOrDefault(profile, new AtomicInteger()).get();
    }

    int statusWrites(String profile) {
        return statusWrites.getOrDefault(profile, new AtomicInteger()).get();
    }

    private static void count(Map<String, AtomicInteger> counters, String profile) {
        counters.computeIfAbsent(profile, any -> new AtomicInteger()).incrementAndGet();
    }
}
