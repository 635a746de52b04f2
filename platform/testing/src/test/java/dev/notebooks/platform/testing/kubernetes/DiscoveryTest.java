package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.Discovery;
import io.kubernetes.client.openapi.apis.VersionApi;
import org.junit.jupiter.api.Test;

class DiscoveryTest {

    private final KubernetesFixture kubernetes = KubernetesFixture.shared();

    @Test
    void officialClientDiscoversTheSuitesCustomResourcesWithTheirScope() throws Exception {
        var discovery = new Discovery(kubernetes.apiClient());
        var resources = discovery.findAll();

        assertThat(resources)
                .anySatisfy(resource -> {
                    assertThat(resource.getGroup()).isEqualTo("kubeflow.org");
                    assertThat(resource.getKind()).isEqualTo("Profile");
                    assertThat(resource.getResourcePlural()).isEqualTo("profiles");
                    assertThat(resource.getNamespaced()).isFalse();
                })
                .anySatisfy(resource -> {
                    assertThat(resource.getKind()).isEqualTo("Notebook");
                    assertThat(resource.getNamespaced()).isTrue();
                    assertThat(resource.getVersions()).contains("v1", "v1beta1", "v1alpha1");
                })
                .anySatisfy(resource -> {
                    assertThat(resource.getGroup()).isEqualTo("dex.coreos.com");
                    assertThat(resource.getKind()).isEqualTo("Password");
                    assertThat(resource.getNamespaced()).isTrue();
                });
        // client-java reads only a group's preferred version (v1), as it would on a Kubeflow cluster
        assertThat(discovery.resourceDiscovery("/apis/kubeflow.org/v1alpha1").getResources())
                .anySatisfy(resource -> {
                    assertThat(resource.getKind()).isEqualTo("PodDefault");
                    assertThat(resource.getName()).isEqualTo("poddefaults");
                    assertThat(resource.getNamespaced()).isTrue();
                });
    }

    @Test
    void serverAnswersItsVersion() throws Exception {
        assertThat(new VersionApi(kubernetes.apiClient()).getCode().execute().getMajor())
                .isEqualTo("1");
    }
}
