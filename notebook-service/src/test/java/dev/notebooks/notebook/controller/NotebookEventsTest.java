package dev.notebooks.notebook.controller;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.Kubectl;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.micronaut.context.env.Environment;
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
 * What the reconciler observes of a Notebook, whoever wrote it, announced on Kafka once each through the outbox, every
 * message valid against its JSON schema, each carrying image, server type, resources and volumes.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookEventsTest implements TestPropertyProvider {

    private static final Duration ANNOUNCED = Duration.ofSeconds(30);
    private static final String NAMESPACE = "kubeflow-events";
    private static final String IMAGE = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    private static final String PYTORCH = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0";

    @Inject
    AuditLog auditLog;

    private final Kubectl kubectl = new Kubectl();
    private final EventTopicReader topic = new EventTopicReader(Topics.NOTEBOOKS);

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.properties();
    }

    @BeforeAll
    void namespace() {
        KubernetesFixture.shared().ensureNamespaces(NAMESPACE);
    }

    @Test
    void aNotebookAppliedWithKubectlIsAnnouncedThroughItsWholeLifeOnceEach() {
        String name = NotebookServiceFixtures.uniqueName("ev");
        String subject = Subjects.namespaced(NAMESPACE, name);
        kubectl.apply(claim(name + "-workspace") + "---\n" + claim("datasets-" + name));
        kubectl.apply(notebook(name, IMAGE, "0.5", "1Gi", ""));

        List<ReceivedEvent> started = awaitEvents(subject, "notebook.created.v1", "notebook.started.v1");
        NotebookCreated created = started.get(0).dataAs(NotebookCreated.class);
        assertThat(created.actor().via()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(created.namespace()).isEqualTo(NAMESPACE);
        assertThat(created.image()).isEqualTo(IMAGE);
        assertThat(created.serverType()).isEqualTo(ServerType.JUPYTER);
        assertThat(created.resources().cpu()).isEqualTo("500m");
        assertThat(created.resources().memory()).isEqualTo("1Gi");
        assertThat(created.resources().gpu()).isEqualTo(Gpu.none());
        assertThat(created.volumes()).containsExactly(name + "-workspace", "datasets-" + name);
        assertThat(started.get(1).dataAs(NotebookStarted.class).actor())
                .as("the pod became ready: the controller saw it")
                .isEqualTo(Actor.controller("notebook-service"));

        kubectl.apply(notebook(name, PYTORCH, "1", "2Gi", ""));
        NotebookUpdated updated = awaitEvents(
                        subject, "notebook.created.v1", "notebook.started.v1", "notebook.updated.v1")
                .get(2)
                .dataAs(NotebookUpdated.class);
        assertThat(updated.before().image()).isEqualTo(IMAGE);
        assertThat(updated.before().resources().cpu()).isEqualTo("500m");
        assertThat(updated.image()).isEqualTo(PYTORCH);
        assertThat(updated.resources().cpu()).isEqualTo("1");
        assertThat(updated.resources().memory()).isEqualTo("2Gi");
        assertThat(updated.running())
                .as("billing needs the moment a running server changed rate")
                .isTrue();

        // a change of what events do not carry is not an update
        kubectl.run("label", "notebook", name, "-n", NAMESPACE, "team=ml");
        kubectl.run("annotate", "notebook", name, "-n", NAMESPACE, "kubeflow-resource-stopped=2025-01-01T00:00:00Z");
        NotebookStopped stopped = awaitEvents(
                        subject,
                        "notebook.created.v1",
                        "notebook.started.v1",
                        "notebook.updated.v1",
                        "notebook.stopped.v1")
                .get(3)
                .dataAs(NotebookStopped.class);
        assertThat(stopped.image()).isEqualTo(PYTORCH);
        assertThat(stopped.actor().via()).isEqualTo(Actor.VIA_KUBECTL);

        kubectl.run("delete", "notebook", name, "-n", NAMESPACE);
        NotebookDeleted deleted = awaitEvents(
                        subject,
                        "notebook.created.v1",
                        "notebook.started.v1",
                        "notebook.updated.v1",
                        "notebook.stopped.v1",
                        "notebook.deleted.v1")
                .get(4)
                .dataAs(NotebookDeleted.class);
        assertThat(deleted.image()).isEqualTo(PYTORCH);
        assertThat(deleted.volumes()).containsExactly(name + "-workspace", "datasets-" + name);

        assertThat(auditLog.find(AuditQuery.newestFirst().withResource("Notebook", NAMESPACE, name))
                        .items())
                .as("kubectl's changes are audited by the reconciler")
                .extracting(AuditRecord::action)
                .containsExactly("notebook.delete", "notebook.update", "notebook.create");
    }

    @Test
    void anImageThatCannotBePulledIsAnnouncedAsFailedNamingTheImage() {
        String name = NotebookServiceFixtures.uniqueName("evimg");
        String subject = Subjects.namespaced(NAMESPACE, name);
        kubectl.apply(claim(name + "-workspace") + "---\n" + claim("datasets-" + name));
        kubectl.apply(notebook(name, "ghcr.io/example/does-not-exist:1", "0.5", "1Gi", ""));

        NotebookFailed failed = awaitEvents(subject, "notebook.created.v1", "notebook.failed.v1")
                .get(1)
                .dataAs(NotebookFailed.class);
        assertThat(failed.reason()).isIn("ErrImagePull", "ImagePullBackOff");
        assertThat(failed.message()).contains("ghcr.io/example/does-not-exist:1");
    }

    @Test
    void moreGpusThanAnyNodeHasIsAnnouncedAsFailedWithTheSchedulersReason() {
        String name = NotebookServiceFixtures.uniqueName("evgpu");
        String subject = Subjects.namespaced(NAMESPACE, name);
        kubectl.apply(claim(name + "-workspace") + "---\n" + claim("datasets-" + name));
        kubectl.apply(notebook(name, IMAGE, "0.5", "1Gi", "            nvidia.com/gpu: \"4\"\n"));

        NotebookFailed failed = awaitEvents(subject, "notebook.created.v1", "notebook.failed.v1")
                .get(1)
                .dataAs(NotebookFailed.class);
        assertThat(failed.reason()).isEqualTo("Unschedulable");
        assertThat(failed.message()).contains("Insufficient nvidia.com/gpu");
        assertThat(failed.resources().gpu()).isEqualTo(new Gpu(4, "nvidia.com/gpu"));
    }

    @Test
    void aPodDefaultConflictIsAnnouncedAsFailedWithItsReasonOnce() {
        String name = NotebookServiceFixtures.uniqueName("evpd");
        String subject = Subjects.namespaced(NAMESPACE, name);
        String label = "pd-" + name;
        kubectl.apply(podDefault("a-" + name, label, "one"));
        kubectl.apply(podDefault("b-" + name, label, "two"));
        kubectl.apply(notebook(name, IMAGE, "0.5", "1Gi", "")
                .replace("  labels:\n", "  labels:\n    " + label + ": \"true\"\n"));

        NotebookFailed failed = awaitEvents(subject, "notebook.created.v1", "notebook.failed.v1")
                .get(1)
                .dataAs(NotebookFailed.class);
        assertThat(failed.reason()).isEqualTo("PodDefaultConflict");
        assertThat(failed.message()).contains("a-" + name, "b-" + name);
        assertThat(failed.actor()).isEqualTo(Actor.controller("notebook-service"));

        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(18)).untilAsserted(() -> assertThat(
                        topic.typesAbout(subject))
                .containsExactly("notebook.created.v1", "notebook.failed.v1"));
    }

    private List<ReceivedEvent> awaitEvents(String subject, String... types) {
        await().atMost(ANNOUNCED)
                .untilAsserted(() -> assertThat(topic.typesAbout(subject)).containsExactly(types));
        return topic.eventsAbout(subject);
    }

    static String notebook(String name, String image, String cpu, String memory, String extraLimits) {
        return """
                apiVersion: kubeflow.org/v1
                kind: Notebook
                metadata:
                  name: %1$s
                  namespace: %3$s
                  labels:
                    app: %1$s
                spec:
                  template:
                    spec:
                      containers:
                      - name: %1$s
                        image: %2$s
                        resources:
                          requests:
                            cpu: "%4$s"
                            memory: %5$s
                          limits:
                %6$s            cpu: "%4$s"
                            memory: %5$s
                        volumeMounts:
                        - name: data
                          mountPath: /home/jovyan/data
                        - name: workspace
                          mountPath: /home/jovyan
                      volumes:
                      - name: data
                        persistentVolumeClaim:
                          claimName: datasets-%1$s
                      - name: workspace
                        persistentVolumeClaim:
                          claimName: %1$s-workspace
                """
                .formatted(name, image, NAMESPACE, cpu, memory, extraLimits);
    }

    static String claim(String name) {
        return """
                apiVersion: v1
                kind: PersistentVolumeClaim
                metadata:
                  name: %1$s
                  namespace: %2$s
                spec:
                  accessModes: [ReadWriteOnce]
                  resources:
                    requests:
                      storage: 1Gi
                """
                .formatted(name, NAMESPACE);
    }

    static String podDefault(String name, String label, String value) {
        return """
                apiVersion: kubeflow.org/v1alpha1
                kind: PodDefault
                metadata:
                  name: %1$s
                  namespace: %2$s
                spec:
                  desc: %1$s
                  selector:
                    matchLabels:
                      %3$s: "true"
                  env:
                  - name: TOKEN
                    value: %4$s
                """
                .formatted(name, NAMESPACE, label, value);
    }
}
