package dev.notebooks.notebook.controller;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.notebook.Kubectl;
import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.status.EventReissue;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A pod's or StatefulSet's Event is held only until its notebook's pass re-issues it: the cache keeps none of them, a
 * failed write is tried on the next pass, an event already on the Notebook (a restart) or older than the notebook is not
 * re-issued, and one no pass will take is swept away.
 */
class PodEventsTest {

    private static final Duration PROMPTLY = Duration.ofSeconds(10);

    private final ApiClient apiClient = KubernetesFixture.shared().apiClient();
    private final ResourceClient client = new ResourceClient(apiClient, new KubeConfiguration("kubelet"));
    private final String namespace = NotebookServiceFixtures.uniqueName("pod-events");
    private final String name = NotebookServiceFixtures.uniqueName("nb");
    private final List<EventReissue.Reissued> recorded = new CopyOnWriteArrayList<>();
    private InformerCache cache;
    private PodEvents podEvents;
    private Notebook notebook;

    @BeforeEach
    void start() {
        KubernetesFixture.shared().ensureNamespaces(namespace);
        new Kubectl()
                .apply(
                        """
                apiVersion: kubeflow.org/v1
                kind: Notebook
                metadata:
                  name: %s
                  namespace: %s
                spec:
                  template:
                    spec:
                      containers:
                      - name: %1$s
                        image: ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0
                """
                                .formatted(name, namespace));
        cache = new InformerCache(new SharedInformerFactory(apiClient), apiClient, List.of(new NotebookEventsOnly()));
        cache.informer(NOTEBOOKS, Duration.ZERO);
        podEvents = new PodEvents(cache);
        cache.informer(ResourceTypes.EVENT, Duration.ZERO).addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(CoreV1Event event) {
                podEvents.observe(event);
            }

            @Override
            public void onUpdate(CoreV1Event before, CoreV1Event after) {
                podEvents.observe(after);
            }

            @Override
            public void onDelete(CoreV1Event event, boolean finalStateUnknown) {
                podEvents.observe(event);
            }
        });
        cache.start();
        notebook = await().atMost(PROMPTLY)
                .until(() -> cache.get(NOTEBOOKS, namespace, name), java.util.Optional::isPresent)
                .orElseThrow();
    }

    @AfterEach
    void stop() {
        cache.stop();
    }

    @Test
    void aStatefulSetEventWaitsUntilItIsReissuedAndIsNeverCached() throws ApiException {
        CoreV1Event event = event("StatefulSet", name, "FailedCreate", "quota exceeded", Instant.now());
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);

        podEvents.reissue(notebook, recorded::add);

        assertThat(recorded).singleElement().satisfies(reissued -> {
            assertThat(reissued.type()).isEqualTo("Warning");
            assertThat(reissued.reason()).isEqualTo("FailedCreate");
            assertThat(reissued.message()).isEqualTo("Reissued from statefulset/" + name + ": quota exceeded");
        });
        assertThat(podEvents.waitingFor(namespace, name)).isZero();
        assertThat(cache.contains(
                        ResourceTypes.EVENT, namespace, event.getMetadata().getName()))
                .isFalse();
        podEvents.reissue(notebook, recorded::add);
        assertThat(recorded).hasSize(1);
    }

    @Test
    void theNotebooksOwnEventsAreCachedReducedAndReadByItsUid() throws ApiException {
        CoreV1Event onNotebook = event("Notebook", name, "Reissued", "on the notebook", Instant.now());

        await().atMost(PROMPTLY).untilAsserted(() -> assertThat(podEvents.onNotebook(notebook))
                .extracting(cached -> cached.getMetadata().getName())
                .containsExactly(onNotebook.getMetadata().getName()));
        assertThat(podEvents.onNotebook(notebook)).singleElement().satisfies(cached -> {
            assertThat(cached.getReason()).isEqualTo("Reissued");
            assertThat(cached.getMessage()).isEqualTo("on the notebook");
            assertThat(cached.getLastTimestamp()).isEqualTo(onNotebook.getLastTimestamp());
            assertThat(cached.getMetadata().getUid())
                    .as("kept in a reduced form")
                    .isNull();
            assertThat(cached.getMetadata().getResourceVersion()).isNull();
            assertThat(cached.getSource()).isNull();
        });
        assertThat(podEvents.waitingFor(namespace, name)).isZero();
    }

    @Test
    void anEventWhoseWriteFailedWaitsForTheNextPass() throws ApiException {
        event("Pod", name + "-0", "Failed", "ErrImagePull", Instant.now());
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);

        podEvents.reissue(notebook, reissued -> false);
        assertThat(podEvents.waitingFor(namespace, name)).isOne();

        podEvents.reissue(notebook, recorded::add);
        assertThat(recorded).singleElement().satisfies(reissued -> assertThat(reissued.message())
                .isEqualTo("Reissued from pod/" + name + "-0: ErrImagePull"));
        assertThat(podEvents.waitingFor(namespace, name)).isZero();
    }

    @Test
    void anEventAlreadyOnTheNotebookIsNotReissuedAgainAsAfterARestart() throws ApiException {
        Instant at = Instant.now();
        event("Notebook", name, "Failed", "Reissued from pod/" + name + "-0: ErrImagePull", at.plusSeconds(1));
        event("Pod", name + "-0", "Failed", "ErrImagePull", at);
        await().atMost(PROMPTLY)
                .until(() -> podEvents.waitingFor(namespace, name) == 1
                        && !podEvents.onNotebook(notebook).isEmpty());

        podEvents.reissue(notebook, recorded::add);

        assertThat(recorded).isEmpty();
        assertThat(podEvents.waitingFor(namespace, name)).isZero();
    }

    @Test
    void anEventOlderThanTheNotebookIsNotReissued() throws ApiException {
        Instant created = notebook.getMetadata().getCreationTimestamp().toInstant();
        event("StatefulSet", name, "SuccessfulDelete", "of an earlier notebook", created.minusSeconds(60));
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);

        podEvents.reissue(notebook, recorded::add);

        assertThat(recorded).isEmpty();
        assertThat(podEvents.waitingFor(namespace, name)).isZero();
    }

    @Test
    void anEventOfWhatIsNoNotebookIsLetPass() throws ApiException {
        event("StatefulSet", "postgres", "SuccessfulCreate", "create Pod postgres-0", Instant.now());
        event("Pod", "postgres-0", "Pulled", "image pulled", Instant.now());
        event("Pod", name + "-0", "Pulling", "pulling image", Instant.now());

        // one informer delivers in order: the notebook's event comes after the others
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);
        assertThat(podEvents.waitingFor(namespace, "postgres")).isZero();
    }

    @Test
    void aSweepDropsTheEventsOfADeletedNotebookAndThoseTheClusterNoLongerKeeps() throws ApiException {
        event("Pod", name + "-0", "Pulling", "pulling image", Instant.now());
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);

        podEvents.sweep(Instant.now());
        assertThat(podEvents.waitingFor(namespace, name))
                .as("its notebook is there")
                .isOne();
        podEvents.sweep(Instant.now().plus(PodEvents.EVENT_TTL).plusSeconds(60));
        assertThat(podEvents.waitingFor(namespace, name)).as("expired").isZero();

        event("Pod", name + "-0", "Killing", "stopping container", Instant.now());
        await().atMost(PROMPTLY).until(() -> podEvents.waitingFor(namespace, name) == 1);
        new Kubectl().run("delete", "notebook", name, "-n", namespace, "--wait=false");
        await().atMost(PROMPTLY).until(() -> !cache.contains(NOTEBOOKS, namespace, name));
        podEvents.sweep(Instant.now());
        assertThat(podEvents.waitingFor(namespace, name))
                .as("its notebook is gone")
                .isZero();
    }

    private CoreV1Event event(String kind, String about, String reason, String message, Instant at)
            throws ApiException {
        OffsetDateTime time = OffsetDateTime.ofInstant(at, ZoneOffset.UTC);
        V1ObjectReference involved = new V1ObjectReference()
                .kind(kind)
                .name(about)
                .namespace(namespace)
                .uid(
                        "Notebook".equals(kind)
                                ? notebook.getMetadata().getUid()
                                : UUID.randomUUID().toString());
        return client.create(
                ResourceTypes.EVENT,
                new CoreV1Event()
                        .metadata(new V1ObjectMeta()
                                .name(about + "." + UUID.randomUUID().toString().substring(0, 8))
                                .namespace(namespace))
                        .involvedObject(involved)
                        .source(new V1EventSource().component("kubelet"))
                        .type("Warning")
                        .reason(reason)
                        .message(message)
                        .firstTimestamp(time)
                        .lastTimestamp(time)
                        .count(1));
    }
}
