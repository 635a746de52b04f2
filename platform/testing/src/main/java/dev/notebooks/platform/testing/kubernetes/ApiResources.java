package dev.notebooks.platform.testing.kubernetes;

import static dev.notebooks.platform.testing.kubernetes.ApiResource.builtIn;
import static dev.notebooks.platform.testing.kubernetes.ApiResource.core;

import io.fabric8.kubernetes.api.model.APIGroup;
import io.fabric8.kubernetes.api.model.APIGroupBuilder;
import io.fabric8.kubernetes.api.model.APIGroupListBuilder;
import io.fabric8.kubernetes.api.model.APIResourceBuilder;
import io.fabric8.kubernetes.api.model.APIResourceListBuilder;
import io.fabric8.kubernetes.api.model.APIVersionsBuilder;
import io.fabric8.kubernetes.api.model.GroupVersionForDiscovery;
import io.fabric8.kubernetes.api.model.ServerAddressByClientCIDR;
import io.fabric8.kubernetes.client.utils.Serialization;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * The kinds the API double knows by name: the built-in ones the suite and kubectl use, plus every registered
 * custom resource version. It fills a missing {@code kind} from the URL and serves the discovery documents
 * ({@code /api}, {@code /apis}, {@code /api/v1}, {@code /apis/<group>/<version>}). The store itself accepts any
 * path; a kind missing here is stored all the same but not listed by discovery.
 */
final class ApiResources {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private static final List<ApiResource> BUILT_IN = List.of(
            core("Namespace", "namespaces", false, "ns"),
            core("Node", "nodes", false, "no"),
            core("PersistentVolume", "persistentvolumes", false, "pv"),
            core("ConfigMap", "configmaps", true, "cm"),
            core("Endpoints", "endpoints", true, "ep"),
            core("Event", "events", true, "ev"),
            core("LimitRange", "limitranges", true, "limits"),
            core("PersistentVolumeClaim", "persistentvolumeclaims", true, "pvc"),
            core("Pod", "pods", true, "po"),
            core("ResourceQuota", "resourcequotas", true, "quota"),
            core("Secret", "secrets", true),
            core("Service", "services", true, "svc"),
            core("ServiceAccount", "serviceaccounts", true, "sa"),
            builtIn("apps", "DaemonSet", "daemonsets", true, "ds"),
            builtIn("apps", "Deployment", "deployments", true, "deploy"),
            builtIn("apps", "ReplicaSet", "replicasets", true, "rs"),
            builtIn("apps", "StatefulSet", "statefulsets", true, "sts"),
            builtIn(
                    "apiextensions.k8s.io",
                    "CustomResourceDefinition",
                    "customresourcedefinitions",
                    false,
                    "crd",
                    "crds"),
            builtIn("coordination.k8s.io", "Lease", "leases", true),
            builtIn("events.k8s.io", "Event", "events", true, "ev"),
            builtIn("networking.k8s.io", "Ingress", "ingresses", true, "ing"),
            builtIn("networking.k8s.io", "NetworkPolicy", "networkpolicies", true, "netpol"),
            builtIn("rbac.authorization.k8s.io", "ClusterRole", "clusterroles", false),
            builtIn("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings", false),
            builtIn("rbac.authorization.k8s.io", "Role", "roles", true),
            builtIn("rbac.authorization.k8s.io", "RoleBinding", "rolebindings", true),
            builtIn("storage.k8s.io", "StorageClass", "storageclasses", false, "sc"));

    private final List<ApiResource> customResources = new CopyOnWriteArrayList<>();

    void addCustomResource(ApiResource resource) {
        customResources.removeIf(known -> sameEndpoint(known, resource.group(), resource.version(), resource.plural()));
        customResources.add(resource);
    }

    Optional<ApiResource> find(ResourcePath path) {
        return all().stream()
                .filter(resource -> sameEndpoint(resource, path.group(), path.version(), path.plural()))
                .findFirst();
    }

    boolean isCustomResource(ResourcePath path) {
        return customResources.stream()
                .anyMatch(resource -> sameEndpoint(resource, path.group(), path.version(), path.plural()));
    }

    /** {@code GET /api}. */
    String coreVersions(String serverAddress) {
        return Serialization.asJson(new APIVersionsBuilder()
                .withVersions("v1")
                .withServerAddressByClientCIDRs(new ServerAddressByClientCIDR("0.0.0.0/0", serverAddress))
                .build());
    }

    /** {@code GET /apis}: every group but the core one, each with its versions. */
    String groups() {
        return Serialization.asJson(
                new APIGroupListBuilder().withGroups(apiGroups()).build());
    }

    /** {@code GET /apis/<group>}, if this catalog knows the group. */
    Optional<String> group(String name) {
        return apiGroups().stream()
                .filter(group -> group.getName().equals(name))
                .findFirst()
                .map(Serialization::asJson);
    }

    private List<APIGroup> apiGroups() {
        Map<String, List<GroupVersionForDiscovery>> versionsByGroup = new LinkedHashMap<>();
        for (ApiResource resource : all()) {
            if (resource.group().isEmpty()) {
                continue;
            }
            List<GroupVersionForDiscovery> versions =
                    versionsByGroup.computeIfAbsent(resource.group(), group -> new ArrayList<>());
            var version = new GroupVersionForDiscovery(resource.apiVersion(), resource.version());
            if (!versions.contains(version)) {
                versions.add(version);
            }
        }
        return versionsByGroup.entrySet().stream()
                .map(group -> new APIGroupBuilder()
                        .withName(group.getKey())
                        .withVersions(group.getValue())
                        .withPreferredVersion(group.getValue().get(0))
                        .build())
                .toList();
    }

    /** {@code GET /api/v1} or {@code GET /apis/<group>/<version>}, if this catalog knows that group version. */
    Optional<String> resourcesOf(String group, String version) {
        var resources = all().stream()
                .filter(resource ->
                        resource.group().equals(group) && resource.version().equals(version))
                .map(resource -> new APIResourceBuilder()
                        .withName(resource.plural())
                        .withSingularName(resource.singular())
                        .withKind(resource.kind())
                        .withNamespaced(resource.namespaced())
                        .withShortNames(resource.shortNames())
                        .withVerbs(VERBS)
                        .build())
                .toList();
        if (resources.isEmpty()) {
            return Optional.empty();
        }
        String groupVersion = group.isEmpty() ? version : group + "/" + version;
        return Optional.of(Serialization.asJson(new APIResourceListBuilder()
                .withGroupVersion(groupVersion)
                .withResources(resources)
                .build()));
    }

    private List<ApiResource> all() {
        List<ApiResource> all = new ArrayList<>(BUILT_IN);
        all.addAll(customResources);
        return all;
    }

    private static boolean sameEndpoint(ApiResource resource, String group, String version, String plural) {
        return resource.group().equals(group)
                && resource.version().equals(version)
                && resource.plural().equals(plural);
    }
}
