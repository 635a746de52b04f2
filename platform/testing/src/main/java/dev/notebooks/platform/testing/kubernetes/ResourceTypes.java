package dev.notebooks.platform.testing.kubernetes;

import static dev.notebooks.platform.testing.kubernetes.ResourceType.core;
import static dev.notebooks.platform.testing.kubernetes.ResourceType.of;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The kinds the API double serves: the built-in ones the suite, its users and kubectl touch, and every custom
 * resource registered by creating its CustomResourceDefinition. It answers the discovery documents ({@code /api},
 * {@code /apis}, {@code /api/v1}, {@code /apis/<group>[/<version>]}). A path naming no served kind is a 404, as on a
 * real server.
 */
final class ResourceTypes {

    private static final List<String> VERBS =
            List.of("create", "delete", "deletecollection", "get", "list", "patch", "update", "watch");

    private static final List<ResourceType> BUILT_IN = List.of(
            core("Namespace", "namespaces")
                    .clusterScoped()
                    .withStatus()
                    .shortNames("ns")
                    .build(),
            core("Node", "nodes").clusterScoped().withStatus().shortNames("no").build(),
            core("PersistentVolume", "persistentvolumes")
                    .clusterScoped()
                    .withStatus()
                    .shortNames("pv")
                    .build(),
            core("ConfigMap", "configmaps").shortNames("cm").build(),
            core("Endpoints", "endpoints").shortNames("ep").build(),
            core("Event", "events").shortNames("ev").model("CoreV1Event").build(),
            core("LimitRange", "limitranges").shortNames("limits").build(),
            core("PersistentVolumeClaim", "persistentvolumeclaims")
                    .withStatus()
                    .shortNames("pvc")
                    .build(),
            core("Pod", "pods").withStatus().shortNames("po").build(),
            core("ResourceQuota", "resourcequotas")
                    .withStatus()
                    .shortNames("quota")
                    .build(),
            core("Secret", "secrets").build(),
            core("Service", "services").withStatus().shortNames("svc").build(),
            core("ServiceAccount", "serviceaccounts").shortNames("sa").build(),
            of("apps", "ControllerRevision", "controllerrevisions").build(),
            of("apps", "DaemonSet", "daemonsets").withStatus().shortNames("ds").build(),
            of("apps", "Deployment", "deployments")
                    .withStatus()
                    .withScale()
                    .shortNames("deploy")
                    .build(),
            of("apps", "ReplicaSet", "replicasets")
                    .withStatus()
                    .withScale()
                    .shortNames("rs")
                    .build(),
            of("apps", "StatefulSet", "statefulsets")
                    .withStatus()
                    .withScale()
                    .shortNames("sts")
                    .build(),
            of("apiextensions.k8s.io", "CustomResourceDefinition", "customresourcedefinitions")
                    .clusterScoped()
                    .withStatus()
                    .shortNames("crd", "crds")
                    .build(),
            of("coordination.k8s.io", "Lease", "leases").build(),
            of("events.k8s.io", "Event", "events")
                    .shortNames("ev")
                    .model("EventsV1Event")
                    .build(),
            of("networking.k8s.io", "Ingress", "ingresses")
                    .withStatus()
                    .shortNames("ing")
                    .build(),
            of("networking.k8s.io", "NetworkPolicy", "networkpolicies")
                    .shortNames("netpol")
                    .build(),
            of("policy", "PodDisruptionBudget", "poddisruptionbudgets")
                    .withStatus()
                    .shortNames("pdb")
                    .build(),
            of("rbac.authorization.k8s.io", "ClusterRole", "clusterroles")
                    .clusterScoped()
                    .build(),
            of("rbac.authorization.k8s.io", "ClusterRoleBinding", "clusterrolebindings")
                    .clusterScoped()
                    .build(),
            of("rbac.authorization.k8s.io", "Role", "roles").build(),
            of("rbac.authorization.k8s.io", "RoleBinding", "rolebindings").build(),
            of("storage.k8s.io", "StorageClass", "storageclasses")
                    .clusterScoped()
                    .shortNames("sc")
                    .build());

    private final Map<GroupResource, ResourceType> types = new ConcurrentHashMap<>();

    ResourceTypes() {
        BUILT_IN.forEach(type -> types.put(type.groupResource(), type));
    }

    /** Registers (or replaces) the custom resource a CustomResourceDefinition describes. */
    ResourceType addCustomResource(JsonNode crd) {
        JsonNode spec = crd.path("spec");
        JsonNode names = spec.path("names");
        List<String> versions = new ArrayList<>();
        String storage = null;
        boolean status = false;
        boolean scale = false;
        Map<String, JsonNode> schemas = new LinkedHashMap<>();
        for (JsonNode version : spec.path("versions")) {
            if (!version.path("served").asBoolean(false)) {
                continue;
            }
            String name = version.path("name").asText();
            versions.add(name);
            if (version.path("storage").asBoolean(false)) {
                storage = name;
            }
            status |= version.path("subresources").has("status");
            scale |= version.path("subresources").has("scale");
            schemas.put(name, version.path("schema").path("openAPIV3Schema"));
        }
        List<String> shortNames = new ArrayList<>();
        names.path("shortNames").forEach(shortName -> shortNames.add(shortName.asText()));
        var type = new ResourceType(
                spec.path("group").asText(),
                names.path("kind").asText(),
                names.path("plural").asText(),
                "Namespaced".equals(spec.path("scope").asText()),
                versions,
                storage == null && !versions.isEmpty() ? versions.get(0) : storage,
                status,
                scale,
                true,
                shortNames,
                schemas,
                Optional.empty());
        types.put(type.groupResource(), type);
        return type;
    }

    void remove(GroupResource groupResource) {
        types.remove(groupResource);
    }

    /** The kind served at {@code group/version/plural}, if that version of it is served. */
    Optional<ResourceType> find(String group, String version, String plural) {
        return Optional.ofNullable(types.get(new GroupResource(group, plural))).filter(type -> type.serves(version));
    }

    Optional<ResourceType> find(GroupResource groupResource) {
        return Optional.ofNullable(types.get(groupResource));
    }

    List<ResourceType> all() {
        List<ResourceType> all = new ArrayList<>(types.values());
        all.sort((a, b) -> (a.group() + "/" + a.plural()).compareTo(b.group() + "/" + b.plural()));
        return all;
    }

    /** {@code GET /api}. */
    String coreVersions(String serverAddress) {
        ObjectNode versions = Json.object().put("kind", "APIVersions");
        versions.putArray("versions").add("v1");
        versions.putArray("serverAddressByClientCIDRs")
                .addObject()
                .put("clientCIDR", "0.0.0.0/0")
                .put("serverAddress", serverAddress);
        return Json.write(versions);
    }

    /** {@code GET /apis}: every group but the core one, each with its versions. */
    String groups() {
        ObjectNode list = Json.object().put("kind", "APIGroupList").put("apiVersion", "v1");
        ArrayNode groups = list.putArray("groups");
        versionsByGroup().forEach((group, versions) -> groups.add(group(group, versions)));
        return Json.write(list);
    }

    /** {@code GET /apis/<group>}, if this catalog knows the group. */
    Optional<String> group(String name) {
        return Optional.ofNullable(versionsByGroup().get(name))
                .map(versions ->
                        Json.write(group(name, versions).put("kind", "APIGroup").put("apiVersion", "v1")));
    }

    private static ObjectNode group(String name, Set<String> versions) {
        ObjectNode group = Json.object().put("name", name);
        ArrayNode list = group.putArray("versions");
        for (String version : versions) {
            list.addObject().put("groupVersion", name + "/" + version).put("version", version);
        }
        group.set("preferredVersion", list.get(0).deepCopy());
        return group;
    }

    /** Versions of each group, the storage (preferred) version first. */
    private Map<String, Set<String>> versionsByGroup() {
        Map<String, Set<String>> versionsByGroup = new LinkedHashMap<>();
        for (ResourceType type : all()) {
            if (type.group().isEmpty()) {
                continue;
            }
            Set<String> versions = versionsByGroup.computeIfAbsent(type.group(), group -> new LinkedHashSet<>());
            versions.add(type.storageVersion());
            versions.addAll(type.versions());
        }
        return versionsByGroup;
    }

    /** {@code GET /api/v1} or {@code GET /apis/<group>/<version>}, if this catalog knows that group version. */
    Optional<String> resourcesOf(String group, String version) {
        List<ResourceType> served = all().stream()
                .filter(type -> type.group().equals(group) && type.serves(version))
                .toList();
        if (served.isEmpty()) {
            return Optional.empty();
        }
        ObjectNode list = Json.object()
                .put("kind", "APIResourceList")
                .put("apiVersion", "v1")
                .put("groupVersion", group.isEmpty() ? version : group + "/" + version);
        ArrayNode resources = list.putArray("resources");
        for (ResourceType type : served) {
            ObjectNode resource = resources
                    .addObject()
                    .put("name", type.plural())
                    .put("singularName", type.singular())
                    .put("namespaced", type.namespaced())
                    .put("kind", type.kind());
            VERBS.forEach(resource.putArray("verbs")::add);
            if (!type.shortNames().isEmpty()) {
                type.shortNames().forEach(resource.putArray("shortNames")::add);
            }
            if (type.custom()) {
                resource.putArray("categories").add("all");
            }
            if (type.statusSubresource()) {
                resources
                        .addObject()
                        .put("name", type.plural() + "/status")
                        .put("singularName", "")
                        .put("namespaced", type.namespaced())
                        .put("kind", type.kind())
                        .putArray("verbs")
                        .add("get")
                        .add("patch")
                        .add("update");
            }
            if (type.scaleSubresource()) {
                resources
                        .addObject()
                        .put("name", type.plural() + "/scale")
                        .put("singularName", "")
                        .put("namespaced", type.namespaced())
                        .put("group", "autoscaling")
                        .put("version", "v1")
                        .put("kind", "Scale")
                        .putArray("verbs")
                        .add("get")
                        .add("patch")
                        .add("update");
            }
        }
        return Optional.of(Json.write(list));
    }
}
