package dev.notebooks.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The RBAC proof's matcher follows Kubernetes' rules: where a grant holds, subresources, names, bind. */
class RbacGrantsTest {

    private static final String RBAC =
            """
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRole
            metadata: {name: svc}
            rules:
              - {apiGroups: [kubeflow.org], resources: [profiles], verbs: [get, list]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: ClusterRoleBinding
            metadata: {name: svc}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: svc}
            subjects: [{kind: ServiceAccount, name: svc, namespace: home}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: svc, namespace: home}
            rules:
              - {apiGroups: [coordination.k8s.io], resources: [leases], resourceNames: [svc-leader], verbs: [get]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: svc, namespace: home}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: svc}
            subjects: [{kind: ServiceAccount, name: svc, namespace: home}]
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: Role
            metadata: {name: svc, namespace: kubeflow}
            rules:
              - {apiGroups: [""], resources: [configmaps], verbs: [patch]}
            ---
            apiVersion: rbac.authorization.k8s.io/v1
            kind: RoleBinding
            metadata: {name: svc, namespace: kubeflow}
            roleRef: {apiGroup: rbac.authorization.k8s.io, kind: Role, name: svc}
            subjects: [{kind: ServiceAccount, name: svc, namespace: home}]
            """;

    private final RbacGrants grants = RbacGrants.of(rendered(RBAC), "svc", "home");

    @Test
    void aClusterRoleBoundClusterWideHoldsEverywhereForItsVerbsOnly() {
        assertThat(grants.allows(request("get\tkubeflow.org\tprofiles\t\tcluster\t")))
                .isTrue();
        assertThat(grants.allows(request("list\tkubeflow.org\tprofiles\t\tcluster\t")))
                .isTrue();
        assertThat(grants.allows(request("watch\tkubeflow.org\tprofiles\t\tcluster\t")))
                .isFalse();
        assertThat(grants.allows(request("get\tother.org\tprofiles\t\tcluster\t")))
                .isFalse();
    }

    @Test
    void aSubresourceNeedsItsOwnResourceName() {
        assertThat(grants.allows(request("get\tkubeflow.org\tprofiles\tstatus\tcluster\t")))
                .isFalse();
    }

    @Test
    void resourceNamesAllowOnlyThoseObjectsAndNeverAListOrCreate() {
        assertThat(grants.allows(request("get\tcoordination.k8s.io\tleases\t\town-namespace\tsvc-leader")))
                .isTrue();
        assertThat(grants.allows(request("get\tcoordination.k8s.io\tleases\t\town-namespace\tother")))
                .isFalse();
        assertThat(grants.allows(request("get\tcoordination.k8s.io\tleases\t\tother-namespace\t")))
                .isFalse();
    }

    @Test
    void aRoleHoldsInItsNamespaceOnly() {
        assertThat(grants.allows(request("patch\t\tconfigmaps\t\tother-namespace\t")))
                .isTrue();
        assertThat(grants.allows(request("patch\t\tconfigmaps\t\town-namespace\t")))
                .isFalse();
        assertThat(grants.allows(request("patch\t\tconfigmaps\t\tcluster\t"))).isFalse();
    }

    @Test
    void anotherServiceAccountGetsNothing() {
        var other = RbacGrants.of(rendered(RBAC), "someone-else", "home");

        assertThat(other.grants()).isEmpty();
        assertThat(other.allows(request("get\tkubeflow.org\tprofiles\t\tcluster\t")))
                .isFalse();
    }

    private static RecordedRequest request(String line) {
        return RecordedRequest.parse(line);
    }

    private static Chart.Rendered rendered(String yaml) {
        try (MappingIterator<JsonNode> all =
                Chart.YAML.readerFor(JsonNode.class).readValues(yaml)) {
            List<JsonNode> objects = new ArrayList<>();
            all.forEachRemaining(objects::add);
            return new Chart.Rendered(objects);
        } catch (IOException e) {
            throw new AssertionError(e);
        }
    }
}
