package dev.notebooks.notebook.controller;

import static io.micronaut.http.HttpRequest.DELETE;
import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.PATCH;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.google.gson.JsonArray;
import com.google.gson.JsonObject;
import com.google.gson.JsonParser;
import dev.notebooks.notebook.ApiWrites;
import dev.notebooks.notebook.JwaForms;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.Profiles;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookResources;
import dev.notebooks.notebook.domain.children.VirtualServiceResource;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1OwnerReference;
import io.micronaut.context.env.Environment;
import io.micronaut.http.client.HttpClient;
import io.micronaut.http.client.annotation.Client;
import io.micronaut.json.JsonMapper;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Istio on, end to end through the spawner API: each notebook gets Kubeflow's VirtualService ({@code
 * notebook-<ns>-<name>}, the configured gateway and host, prefix {@code /notebook/<ns>/<name>/}, rewrite and request
 * headers from the server type's annotations), owned by the Notebook, put back after a hand edit, never written at
 * steady state, and gone with the notebook.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IstioRoutingTest implements TestPropertyProvider {

    static final Duration SEEN = Duration.ofSeconds(60);
    static final String GATEWAY = "kubeflow/test-gateway";
    static final String HOST = "notebooks.example.com";
    static final String JUPYTER = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    static final String RSTUDIO = "ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0";

    @Inject
    @Client("/")
    HttpClient client;

    @Inject
    JsonMapper json;

    @Inject
    ProfileRoles roles;

    @Inject
    ResourceClient kube;

    @Inject
    ApiClient serviceClient;

    TestHttp http;
    Profiles world;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("notebooks.spawner.namespace", NotebookServiceFixtures.uniqueName("kubeflow"))
                .with("notebooks.istio.enabled", "true")
                .with("notebooks.istio.gateway", GATEWAY)
                .with("notebooks.istio.host", HOST)
                .with("notebooks.istio.cluster-domain", "cluster.test")
                .build();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = Profiles.create(roles);
        await().atMost(SEEN)
                .until(() -> http.as(world.viewer(), GET(world.notebooks())).status() == 200);
    }

    @Test
    void aJupyterNotebookIsRoutedAtItsPrefixByAVirtualServiceItOwns() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("ij");
        create(name, "jupyter", JUPYTER);
        String prefix = "/notebook/" + world.namespace() + "/" + name + "/";

        VirtualServiceResource route = await().atMost(SEEN)
                .until(() -> virtualService(name), Optional::isPresent)
                .orElseThrow();
        Notebook notebook = notebook(name).orElseThrow();
        assertThat(route.getMetadata().getName()).isEqualTo("notebook-" + world.namespace() + "-" + name);
        V1OwnerReference owner = route.getMetadata().getOwnerReferences().get(0);
        assertThat(owner.getKind()).isEqualTo("Notebook");
        assertThat(owner.getName()).isEqualTo(name);
        assertThat(owner.getUid()).isEqualTo(notebook.getMetadata().getUid());
        assertThat(owner.getController()).isTrue();

        JsonObject spec = route.getSpec();
        assertThat(strings(spec.getAsJsonArray("gateways"))).containsExactly(GATEWAY);
        assertThat(strings(spec.getAsJsonArray("hosts"))).containsExactly(HOST);
        JsonObject http = spec.getAsJsonArray("http").get(0).getAsJsonObject();
        assertThat(prefixOf(http)).isEqualTo(prefix);
        assertThat(http.getAsJsonObject("rewrite").get("uri").getAsString())
                .as("Jupyter serves under its NB_PREFIX: the prefix stays")
                .isEqualTo(prefix);
        JsonObject destination =
                http.getAsJsonArray("route").get(0).getAsJsonObject().getAsJsonObject("destination");
        assertThat(destination.get("host").getAsString())
                .isEqualTo(name + "." + world.namespace() + ".svc.cluster.test");
        assertThat(destination.getAsJsonObject("port").get("number").getAsInt()).isEqualTo(80);

        // ready, then nothing more to write for it however often it is reconciled
        await().atMost(SEEN).until(() -> "ready".equals(phase(name)));
        ApiWrites writes = ApiWrites.on(serviceClient);
        int mark = writes.mark();
        await().during(Duration.ofSeconds(4)).atMost(Duration.ofSeconds(6)).until(() -> writes.since(mark, name)
                .isEmpty());

        // a hand edit of the route is put back
        JsonObject patch = JsonParser.parseString("{\"spec\":{\"gateways\":[\"istio-system/other\"]}}")
                .getAsJsonObject();
        kube.mergePatch(
                NotebookResources.VIRTUAL_SERVICES,
                world.namespace(),
                route.getMetadata().getName(),
                patch);
        await().atMost(SEEN).until(() -> virtualService(name)
                .map(found -> strings(found.getSpec().getAsJsonArray("gateways")))
                .filter(List.of(GATEWAY)::equals)
                .isPresent());

        TestHttp.Reply deleted = this.http.as(world.owner(), DELETE(world.notebook(name)));
        assertThat(deleted.status()).as(deleted.toString()).isEqualTo(200);
        await().atMost(SEEN)
                .until(() -> virtualService(name).isEmpty() && notebook(name).isEmpty());
    }

    @Test
    void anRStudioNotebookIsRewrittenToRootWithItsRootPathHeaderAndStoppingKeepsTheRoute() throws ApiException {
        String name = NotebookServiceFixtures.uniqueName("ir");
        create(name, "group-two", RSTUDIO);
        String prefix = "/notebook/" + world.namespace() + "/" + name + "/";

        JsonObject http = await().atMost(SEEN)
                .until(() -> virtualService(name), Optional::isPresent)
                .orElseThrow()
                .getSpec()
                .getAsJsonArray("http")
                .get(0)
                .getAsJsonObject();
        assertThat(prefixOf(http)).isEqualTo(prefix);
        assertThat(http.getAsJsonObject("rewrite").get("uri").getAsString()).isEqualTo("/");
        assertThat(http.getAsJsonObject("headers")
                        .getAsJsonObject("request")
                        .getAsJsonObject("set")
                        .get("X-RStudio-Root-Path")
                        .getAsString())
                .isEqualTo(prefix);

        // stopped, the route stays (as Kubeflow): the spawner shows the notebook, the link answers once started
        assertThat(this.http
                        .as(world.owner(), PATCH(world.notebook(name), Map.of("stopped", true)))
                        .status())
                .isEqualTo(200);
        await().atMost(SEEN).until(() -> "stopped".equals(phase(name)));
        assertThat(virtualService(name)).isPresent();

        assertThat(this.http.as(world.owner(), DELETE(world.notebook(name))).status())
                .isEqualTo(200);
        await().atMost(SEEN).until(() -> virtualService(name).isEmpty());
    }

    private void create(String name, String serverType, String image) {
        Map<String, Object> form = JwaForms.form(name);
        form.put("serverType", serverType);
        form.put("image", image);
        TestHttp.Reply created = http.as(world.editor(), POST(world.notebooks(), form));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
    }

    private static String prefixOf(JsonObject http) {
        return http.getAsJsonArray("match")
                .get(0)
                .getAsJsonObject()
                .getAsJsonObject("uri")
                .get("prefix")
                .getAsString();
    }

    private static List<String> strings(JsonArray array) {
        return KubeJson.gson().fromJson(array, List.class);
    }

    @SuppressWarnings("unchecked")
    private String phase(String name) {
        TestHttp.Reply list = http.as(world.viewer(), GET(world.notebooks()));
        if (list.status() != 200) {
            return null;
        }
        return ((List<Map<String, Object>>) list.json().get("notebooks"))
                .stream()
                        .filter(item -> name.equals(item.get("name")))
                        .map(item -> (String) ((Map<String, Object>) item.get("status")).get("phase"))
                        .findFirst()
                        .orElse(null);
    }

    private Optional<VirtualServiceResource> virtualService(String name) {
        try {
            return kube.get(
                    NotebookResources.VIRTUAL_SERVICES,
                    world.namespace(),
                    "notebook-" + world.namespace() + "-" + name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private Optional<Notebook> notebook(String name) {
        try {
            return kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }
}
