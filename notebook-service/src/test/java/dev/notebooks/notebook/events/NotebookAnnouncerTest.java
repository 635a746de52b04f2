package dev.notebooks.notebook.events;

import static org.assertj.core.api.Assertions.assertThat;

import dev.notebooks.notebook.NotebookServiceFixtures;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.Subjects;
import io.kubernetes.client.openapi.models.V1Container;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PodSpec;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.locks.LockSupport;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A deletion and a reconciler's pass over the same notebook, on their two threads: once the deletion is announced, a
 * pass that read the Notebook just before it went announces nothing, so a deleted notebook is never created again.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotebookAnnouncerTest implements TestPropertyProvider {

    private static final String NAMESPACE = "announcer-race";
    private static final int TRIALS = 40;

    @Inject
    NotebookAnnouncer announcer;

    @Override
    public Map<String, String> getProperties() {
        return NotebookServiceFixtures.properties();
    }

    @Test
    void aPassRacingTheDeletionNeverAnnouncesTheNotebookAgain() throws Exception {
        List<String> announcedAfterDeletion = new ArrayList<>();
        int metAnnounced = 0;
        for (int trial = 0; trial < TRIALS; trial++) {
            Notebook notebook = notebook(NotebookServiceFixtures.uniqueName("race"));
            String id = Subjects.namespaced(NAMESPACE, notebook.name());
            announcer.observed(new Observed(notebook, Observed.Running.NOT_YET, Optional.empty()));

            AtomicBoolean deleted = new AtomicBoolean();
            CompletableFuture<Void> passes = CompletableFuture.runAsync(() -> {
                // the reconciler's passes go on a little after the deletion, each with something new to announce
                for (int pass = 0; !deleted.get() || pass % 8 != 0; pass++) {
                    Observed.Running running = pass % 2 == 0 ? Observed.Running.YES : Observed.Running.STOPPED;
                    announcer.observed(new Observed(notebook, running, Optional.empty()));
                }
            });
            LockSupport.parkNanos(
                    TimeUnit.MICROSECONDS.toNanos(ThreadLocalRandom.current().nextInt(500, 5_000)));
            if (announcer.announced().containsKey(id)) {
                metAnnounced++;
            }
            announcer.deleted(NAMESPACE, notebook.name(), notebook.getMetadata().getUid(), Actor.kubectl("kubectl"));
            deleted.set(true);
            passes.get(10, TimeUnit.SECONDS);

            if (announcer.announced().containsKey(id)) {
                announcedAfterDeletion.add(id);
            }
        }
        // the leader's sweep of notebooks gone while nobody watched may take a trial's notebook before its deletion
        assertThat(metAnnounced)
                .as("trials whose deletion met an announced notebook")
                .isGreaterThan(TRIALS / 2);
        assertThat(announcedAfterDeletion)
                .as("notebooks announced again after their deletion, out of %d", TRIALS)
                .isEmpty();
    }

    private static Notebook notebook(String name) {
        V1ObjectMeta metadata = new V1ObjectMeta()
                .name(name)
                .namespace(NAMESPACE)
                .uid(UUID.randomUUID().toString());
        return Notebook.of(
                metadata,
                new V1PodSpec().addContainersItem(new V1Container().name(name).image("jupyter-scipy:v1.10.0")));
    }
}
