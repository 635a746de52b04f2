package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * The chart's RBAC is what the services need, and no more. Every request each service made to the Kubernetes API in
 * its own tests (recorded by the API double, per service, through the User-Agent platform/kube sets) must be allowed
 * by that service's rules in the rendered chart; every verb, resource and name a rule grants must have been used by
 * some request; and a grant that holds cluster-wide must have been used outside the service's own namespace. Rendered
 * as the services' tests run (values/rbac-proof.yaml: Istio's AuthorizationPolicies and the notebooks' VirtualServices on).
 */
class RbacProofTest {

    private static final Path MODULES = Path.of(System.getProperty("deploy-tests.services", ".."));

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyRequestTheServiceMakesIsAllowed(Services service) {
        var grants = grantsOf(service);
        List<RecordedRequest> requests = requestsOf(service);

        assertThat(requests).as("%s's recorded requests", service.serviceName).isNotEmpty();
        assertThat(requests.stream().filter(request -> !grants.allows(request)))
                .as("%s's requests that its RBAC in the chart refuses", service.serviceName)
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void everyGrantIsUsedByTheService(Services service) {
        var grants = grantsOf(service);
        List<RecordedRequest> requests = requestsOf(service);
        List<String> unused = new ArrayList<>();

        for (var grant : grants.grants()) {
            var rule = grant.rule();
            for (String verb : rule.verbs()) {
                for (String group : rule.apiGroups()) {
                    for (String resource : rule.resources()) {
                        List<String> names = rule.resourceNames().isEmpty() ? List.of("") : rule.resourceNames();
                        for (String name : names) {
                            if (!used(grants, grant, requests, verb, group, resource, name)) {
                                unused.add(grant.source() + ": " + verb + " " + (group.isEmpty() ? "core" : group) + "/"
                                        + resource + (name.isEmpty() ? "" : " named " + name));
                            }
                        }
                    }
                }
            }
        }

        assertThat(unused)
                .as("%s's grants that no request used", service.serviceName)
                .isEmpty();
    }

    @ParameterizedTest
    @EnumSource(Services.class)
    void aClusterWideGrantIsUsedBeyondTheServicesOwnNamespace(Services service) {
        var grants = grantsOf(service);
        List<RecordedRequest> requests = requestsOf(service);
        List<String> roleWouldDo = new ArrayList<>();

        for (var grant : grants.grants()) {
            if (grant.namespace().isPresent()) {
                continue;
            }
            var matching =
                    requests.stream().filter(r -> grants.allows(grant, r)).toList();
            if (!matching.isEmpty()
                    && matching.stream().allMatch(r -> r.scope() == RecordedRequest.Scope.OWN_NAMESPACE)) {
                roleWouldDo.add(grant.source() + " " + grant.rule());
            }
        }

        assertThat(roleWouldDo)
                .as("%s's cluster-wide grants used only in its own namespace (a Role would do)", service.serviceName)
                .isEmpty();
    }

    private static boolean used(
            RbacGrants grants,
            RbacGrants.Grant grant,
            List<RecordedRequest> requests,
            String verb,
            String group,
            String resource,
            String name) {
        if (verb.equals("bind") && group.equals("rbac.authorization.k8s.io") && resource.equals("clusterroles")) {
            // no request carries "bind": the API server checks it when a RoleBinding naming that role is written
            return requests.stream()
                    .anyMatch(r -> r.group().equals("rbac.authorization.k8s.io")
                            && r.resource().equals("rolebindings")
                            && List.of("create", "update", "patch").contains(r.verb()));
        }
        return requests.stream()
                .filter(r -> r.verb().equals(verb)
                        && r.group().equals(group)
                        && r.rbacResource().equals(resource))
                .filter(r -> name.isEmpty() || r.name().equals(name))
                .anyMatch(r -> grants.allows(grant, r));
    }

    private static RbacGrants grantsOf(Services service) {
        return RbacGrants.of(Chart.render(ValuesVariant.RBAC_PROOF), service.objectName(), Chart.NAMESPACE);
    }

    private static List<RecordedRequest> requestsOf(Services service) {
        return RecordedRequest.read(RecordedRequest.file(MODULES, service.serviceName));
    }
}
