package dev.notebooks.notebook.api;

import static io.micronaut.http.HttpRequest.GET;
import static io.micronaut.http.HttpRequest.POST;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.JwaForms;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.Profiles;
import dev.notebooks.notebook.domain.NotebookResources;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.platform.testing.http.TestHttp;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
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
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A JWA-shaped POST, end to end to Kafka: the spawner API writes the Notebook, the reconciler observes it and the
 * simulated pod becoming ready, and {@code notebook.created.v1} then {@code notebook.started.v1} arrive on the real
 * {@code notebooks} topic, each valid against its JSON schema ({@link EventTopicReader} checks every message it reads),
 * carrying what billing needs.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SpawnerEventsTest implements TestPropertyProvider {

    static final Duration ANNOUNCED = Duration.ofSeconds(60);
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

    private final EventTopicReader topic = new EventTopicReader(Topics.NOTEBOOKS);
    TestHttp http;
    Profiles world;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.builder()
                .with("notebooks.spawner.namespace", NotebookServiceFixtures.uniqueName("kubeflow"))
                .build();
    }

    @BeforeAll
    void setUp() {
        http = new TestHttp(client, json);
        world = Profiles.create(roles);
        await().atMost(ANNOUNCED)
                .until(() -> http.as(world.viewer(), GET(world.notebooks())).status() == 200);
    }

    @Test
    void aJwaPostIsAnnouncedCreatedThenStartedWhenThePodIsReadyValidAgainstTheSchemas() throws Exception {
        String name = NotebookServiceFixtures.uniqueName("rs");
        Map<String, Object> form = JwaForms.form(name);
        // as JWA's frontend sends an RStudio server with a new data volume
        form.put("serverType", "group-two");
        form.put("image", RSTUDIO);
        form.put("cpu", "1");
        form.put("cpuLimit", "2");
        form.put("memory", "2Gi");
        form.put(
                "datavols",
                List.of(Map.of(
                        "mount",
                        "/home/jovyan/data",
                        "newPvc",
                        Map.of(
                                "metadata",
                                Map.of("name", "{notebook-name}-data"),
                                "spec",
                                Map.of(
                                        "resources",
                                        Map.of("requests", Map.of("storage", "2Gi")),
                                        "accessModes",
                                        List.of("ReadWriteOnce"))))));
        TestHttp.Reply created = http.as(world.editor(), POST(world.notebooks(), form));
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String uid = kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name)
                .orElseThrow()
                .getMetadata()
                .getUid();

        String subject = Subjects.namespaced(world.namespace(), name);
        await().atMost(ANNOUNCED).untilAsserted(() -> assertThat(topic.typesAbout(subject))
                .containsExactly("notebook.created.v1", "notebook.started.v1"));
        List<ReceivedEvent> events = topic.eventsAbout(subject);

        NotebookCreated announced = events.get(0).dataAs(NotebookCreated.class);
        assertThat(announced.actor()).as("the API's user, through the API").isEqualTo(Actor.api(world.editor()));
        assertThat(announced.namespace()).isEqualTo(world.namespace());
        assertThat(announced.name()).isEqualTo(name);
        assertThat(announced.image()).isEqualTo(RSTUDIO);
        assertThat(announced.serverType()).isEqualTo(ServerType.RSTUDIO);
        assertThat(announced.resources().cpu()).isEqualTo("1");
        assertThat(announced.resources().memory()).isEqualTo("2Gi");
        assertThat(announced.resources().gpu()).isEqualTo(Gpu.none());
        assertThat(announced.volumes()).containsExactly(name + "-workspace", name + "-data");

        NotebookStarted started = events.get(1).dataAs(NotebookStarted.class);
        assertThat(started.actor()).isEqualTo(Actor.controller("notebook-service"));
        assertThat(started.image()).isEqualTo(RSTUDIO);
        assertThat(kube.get(NotebookResources.NOTEBOOKS, world.namespace(), name)
                        .orElseThrow()
                        .getMetadata()
                        .getUid())
                .as("the same notebook throughout")
                .isEqualTo(uid);
        assertThat(events).allSatisfy(event -> assertThat(event.source()).isEqualTo("notebook-service"));
    }
}
