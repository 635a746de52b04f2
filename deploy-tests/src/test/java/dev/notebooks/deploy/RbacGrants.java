package dev.notebooks.deploy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.StreamSupport;

/**
 * What a service account may do according to the rendered chart, with Kubernetes' RBAC semantics: a ClusterRole bound
 * by a ClusterRoleBinding grants everywhere; a Role, or a ClusterRole bound by a RoleBinding, grants in the binding's
 * namespace only; a rule allows a request when its verbs, apiGroups and resources ({@code resource/subresource} for a
 * subresource, {@code *} for all) contain the request's, and its resourceNames (if any) the object's name, which a
 * list, watch, create or deletecollection never has.
 */
final class RbacGrants {

    private static final Set<String> NAMELESS_VERBS = Set.of("list", "watch", "create", "deletecollection");

    /**
     * Where the API server keeps Events about cluster-scoped objects (platform/kube's EventRecorder writes them there),
     * and also the namespace the services' tests run in: a service's own-namespace Events in its tests are these.
     */
    private static final String CLUSTER_EVENTS_NAMESPACE = "default";

    /** A rule and where it holds: everywhere ({@code namespace} empty), or in one namespace. */
    record Grant(String source, Optional<String> namespace, Rule rule) {}

    record Rule(List<String> verbs, List<String> apiGroups, List<String> resources, List<String> resourceNames) {

        static Rule of(JsonNode rule) {
            return new Rule(
                    texts(rule.path("verbs")),
                    texts(rule.path("apiGroups")),
                    texts(rule.path("resources")),
                    texts(rule.path("resourceNames")));
        }

        boolean covers(String verb, String group, String resource, String name) {
            return matches(verbs, verb)
                    && matches(apiGroups, group)
                    && matches(resources, resource)
                    && (resourceNames.isEmpty() || (!NAMELESS_VERBS.contains(verb) && resourceNames.contains(name)));
        }

        private static boolean matches(List<String> allowed, String value) {
            return allowed.contains("*") || allowed.contains(value);
        }
    }

    private final List<Grant> grants;
    private final String releaseNamespace;

    private RbacGrants(List<Grant> grants, String releaseNamespace) {
        this.grants = grants;
        this.releaseNamespace = releaseNamespace;
    }

    /** The grants of service account {@code account} in {@code namespace}, from the rendered objects. */
    static RbacGrants of(Chart.Rendered rendered, String account, String namespace) {
        List<Grant> grants = new ArrayList<>();
        for (JsonNode binding : rendered.ofKind("ClusterRoleBinding")) {
            if (binds(binding, account, namespace)) {
                for (Rule rule : rules(rendered, "ClusterRole", Optional.empty(), binding)) {
                    grants.add(new Grant("ClusterRole " + roleName(binding), Optional.empty(), rule));
                }
            }
        }
        for (JsonNode binding : rendered.ofKind("RoleBinding")) {
            if (binds(binding, account, namespace)) {
                Optional<String> where =
                        Optional.of(binding.at("/metadata/namespace").asText());
                String kind = binding.at("/roleRef/kind").asText();
                for (Rule rule : rules(rendered, kind, kind.equals("Role") ? where : Optional.empty(), binding)) {
                    grants.add(new Grant(kind + " " + roleName(binding) + " in " + where.get(), where, rule));
                }
            }
        }
        return new RbacGrants(List.copyOf(grants), namespace);
    }

    List<Grant> grants() {
        return grants;
    }

    /** Whether the grant allows the recorded request, its scope mapped onto the release's namespace. */
    boolean allows(Grant grant, RecordedRequest request) {
        if (!grant.rule().covers(request.verb(), request.group(), request.rbacResource(), request.name())) {
            return false;
        }
        if (grant.namespace().isEmpty()) {
            return true;
        }
        String namespace = grant.namespace().get();
        return switch (request.scope()) {
            case CLUSTER -> false;
            case OWN_NAMESPACE ->
                namespace.equals(releaseNamespace) || (namespace.equals(CLUSTER_EVENTS_NAMESPACE) && isEvent(request));
            // the tests give the service namespaces of their own where the chart gives it Kubeflow's or Dex's
            case OTHER_NAMESPACE -> !namespace.equals(releaseNamespace) && !namespace.equals(CLUSTER_EVENTS_NAMESPACE);
        };
    }

    private static boolean isEvent(RecordedRequest request) {
        return request.group().isEmpty() && request.resource().equals("events");
    }

    boolean allows(RecordedRequest request) {
        return grants.stream().anyMatch(grant -> allows(grant, request));
    }

    private static boolean binds(JsonNode binding, String account, String namespace) {
        return StreamSupport.stream(binding.path("subjects").spliterator(), false)
                .anyMatch(subject -> subject.path("kind").asText().equals("ServiceAccount")
                        && subject.path("name").asText().equals(account)
                        && subject.path("namespace").asText().equals(namespace));
    }

    private static List<Rule> rules(
            Chart.Rendered rendered, String kind, Optional<String> namespace, JsonNode binding) {
        JsonNode role = rendered.ofKind(kind).stream()
                .filter(r -> r.at("/metadata/name").asText().equals(roleName(binding)))
                .filter(r -> namespace.isEmpty()
                        || r.at("/metadata/namespace").asText().equals(namespace.get()))
                .findFirst()
                .orElseThrow(() -> new AssertionError(
                        "binding " + binding.at("/metadata/name").asText() + " names " + kind + " " + roleName(binding)
                                + ", which the chart does not render"));
        return StreamSupport.stream(role.path("rules").spliterator(), false)
                .map(Rule::of)
                .toList();
    }

    private static String roleName(JsonNode binding) {
        return binding.at("/roleRef/name").asText();
    }

    private static List<String> texts(JsonNode array) {
        return StreamSupport.stream(array.spliterator(), false)
                .map(JsonNode::asText)
                .toList();
    }
}
