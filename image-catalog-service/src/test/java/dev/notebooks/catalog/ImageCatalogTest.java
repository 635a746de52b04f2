package dev.notebooks.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import dev.notebooks.catalog.domain.CatalogChange;
import dev.notebooks.catalog.domain.ChangeAction;
import dev.notebooks.catalog.domain.ImageConflictException;
import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ImageNotFoundException;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.catalog.store.CatalogJson;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.events.Subjects;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.catalog.CatalogDefaultChanged;
import dev.notebooks.platform.events.catalog.CatalogImageAdded;
import dev.notebooks.platform.events.catalog.CatalogImageDeprecated;
import dev.notebooks.platform.events.catalog.CatalogImageRemoved;
import dev.notebooks.platform.events.catalog.CatalogImageUpdated;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ImageCatalogTest implements TestPropertyProvider {

    private static final Actor ADMIN = Actor.api("admin@example.com");
    private static final Duration EVENTS = Duration.ofSeconds(15);

    @Inject
    CatalogService catalog;

    @Inject
    AuditLog auditLog;

    private final EventTopicReader topic = new EventTopicReader(Topics.CATALOG);
    private final EventTopicWriter notebooks = new EventTopicWriter(Topics.NOTEBOOKS);

    @Override
    public Map<String, String> getProperties() {
        return CatalogFixtures.properties("catalog_changes", CatalogFixtures.uniqueName("catalog-changes"));
    }

    @AfterAll
    void closeTopic() {
        notebooks.close();
    }

    @Test
    void addingAnImageKeepsItsHistoryAuditsItAndAnnouncesIt() {
        ImageEntry added = catalog.add(
                new NewImage(
                        uniqueReference("docker.io/library/python"),
                        ServerType.JUPYTER,
                        "  Python  ",
                        "plain Python",
                        List.of("cpu", "python", "cpu"),
                        false,
                        null,
                        false),
                ADMIN);

        assertThat(added.reference()).startsWith("python:").doesNotContain("docker.io");
        assertThat(added.displayName()).isEqualTo("Python");
        assertThat(added.tags()).containsExactly("cpu", "python");
        assertThat(added.addedBy()).isEqualTo("admin@example.com");
        assertThat(catalog.find(added.id())).isEqualTo(added);
        assertThat(catalog.list(ServerType.JUPYTER, "python", false)).containsExactly(added);
        assertThat(catalog.history(added.id())).singleElement().satisfies(change -> {
            assertThat(change.action()).isEqualTo(ChangeAction.ADD);
            assertThat(change.actor()).isEqualTo("admin@example.com");
            assertThat(change.before()).isNull();
            assertThat(change.after()).contains(added.reference());
        });
        assertThat(audit(added, "image.add")).singleElement().satisfies(record -> assertThat(record.after())
                .contains(added.reference()));
        await().atMost(EVENTS)
                .untilAsserted(() -> assertThat(topic.eventsAbout(added.id().toString()))
                        .singleElement()
                        .satisfies(event -> {
                            assertThat(event.type()).isEqualTo(CatalogImageAdded.TYPE);
                            CatalogImageAdded data = event.dataAs(CatalogImageAdded.class);
                            assertThat(data.reference()).isEqualTo(added.reference());
                            assertThat(data.actor()).isEqualTo(ADMIN);
                            assertThat(data.defaultImage()).isFalse();
                        }));
    }

    @Test
    void editingDeprecatingAndRemovingAreEachKeptWithTheirBeforeAndAfter() {
        ImageEntry added =
                catalog.add(NewImage.of(uniqueReference("ghcr.io/example/lab"), ServerType.VSCODE, "Lab"), ADMIN);

        ImageEntry renamed = catalog.edit(added.id(), new ImageEdit("Lab 2", null, List.of("gpu"), null, null), ADMIN);
        ImageEntry deprecated = catalog.edit(added.id(), new ImageEdit(null, null, null, null, true), ADMIN);
        ImageEntry unchanged = catalog.edit(added.id(), new ImageEdit("Lab 2", null, null, null, true), ADMIN);
        ImageEntry removed = catalog.remove(added.id(), ADMIN, false);

        assertThat(renamed.displayName()).isEqualTo("Lab 2");
        assertThat(renamed.tags()).containsExactly("gpu");
        assertThat(deprecated.deprecated()).isTrue();
        assertThat(unchanged).isEqualTo(deprecated);
        assertThat(removed).isEqualTo(deprecated);
        assertThatThrownBy(() -> catalog.find(added.id())).isInstanceOf(ImageNotFoundException.class);
        assertThat(catalog.list(ServerType.VSCODE, null, true))
                .noneMatch(image -> image.id().equals(added.id()));
        List<CatalogChange> history = catalog.history(added.id());
        assertThat(history)
                .extracting(CatalogChange::action)
                .containsExactly(ChangeAction.ADD, ChangeAction.EDIT, ChangeAction.DEPRECATE, ChangeAction.REMOVE);
        assertThat(CatalogJson.image(history.get(1).before())).isEqualTo(added);
        assertThat(CatalogJson.image(history.get(1).after())).isEqualTo(renamed);
        assertThat(history.get(3).after()).isNull();
        assertThat(audit(added, null))
                .extracting(AuditRecord::action)
                .containsExactly("image.remove", "image.deprecate", "image.edit", "image.add");
        await().atMost(EVENTS)
                .untilAsserted(() -> assertThat(topic.typesAbout(added.id().toString()))
                        .containsExactly(
                                CatalogImageAdded.TYPE,
                                CatalogImageUpdated.TYPE,
                                CatalogImageDeprecated.TYPE,
                                CatalogImageRemoved.TYPE));
    }

    @Test
    void aSecondDefaultIsRefusedWhenAdding() {
        ImageEntry former = defaultOf(ServerType.RSTUDIO);
        NewImage secondDefault = new NewImage(
                uniqueReference("quay.io/example/rstudio"), ServerType.RSTUDIO, "R", null, null, true, null, false);

        assertThatThrownBy(() -> catalog.add(secondDefault, ADMIN))
                .isInstanceOfSatisfying(
                        ImageConflictException.class, e -> assertThat(e.field()).isEqualTo("defaultImage"));
        assertThat(catalog.list(ServerType.RSTUDIO, null, true))
                .filteredOn(ImageEntry::defaultImage)
                .containsExactly(former);
    }

    @Test
    void makingAnImageTheDefaultTakesTheDefaultFromTheFormerOne() {
        ImageEntry former = defaultOf(ServerType.RSTUDIO);
        ImageEntry added = catalog.edit(
                catalog.add(
                                new NewImage(
                                        uniqueReference("quay.io/example/rstudio"),
                                        ServerType.RSTUDIO,
                                        "R",
                                        null,
                                        null,
                                        false,
                                        null,
                                        false),
                                ADMIN)
                        .id(),
                new ImageEdit(null, null, null, true, null),
                ADMIN);

        assertThat(added.defaultImage()).isTrue();
        assertThat(catalog.find(former.id()).defaultImage()).isFalse();
        assertThat(catalog.list(ServerType.RSTUDIO, null, true))
                .filteredOn(ImageEntry::defaultImage)
                .containsExactly(added);
        assertThat(catalog.spawnerConfig().imageGroupTwo().value()).isEqualTo(added.reference());
        assertThat(catalog.history(former.id())).last().satisfies(change -> assertThat(change.action())
                .isEqualTo(ChangeAction.DEFAULT));

        ImageEntry restored = catalog.edit(former.id(), new ImageEdit(null, null, null, true, null), ADMIN);

        assertThat(restored.defaultImage()).isTrue();
        assertThat(catalog.find(added.id()).defaultImage()).isFalse();
        await().atMost(EVENTS).untilAsserted(() -> {
            List<CatalogDefaultChanged> changes = topic.eventsAbout(ServerType.RSTUDIO.value()).stream()
                    .map(event -> event.dataAs(CatalogDefaultChanged.class))
                    .toList();
            assertThat(changes).hasSizeGreaterThanOrEqualTo(2);
            assertThat(changes.get(changes.size() - 2).previousImageId())
                    .isEqualTo(former.id().toString());
            assertThat(changes.get(changes.size() - 2).imageId())
                    .isEqualTo(added.id().toString());
            assertThat(changes.get(changes.size() - 1).imageId())
                    .isEqualTo(former.id().toString());
        });
    }

    @Test
    void theDefaultCanBeNeitherUndefaultedNorDeprecatedNorRemoved() {
        ImageEntry jupyterDefault = defaultOf(ServerType.JUPYTER);

        assertThatThrownBy(() -> catalog.edit(jupyterDefault.id(), new ImageEdit(null, null, null, false, null), ADMIN))
                .isInstanceOfSatisfying(
                        InvalidImageException.class, e -> assertThat(e.field()).isEqualTo("defaultImage"));
        assertThatThrownBy(() -> catalog.edit(jupyterDefault.id(), new ImageEdit(null, null, null, null, true), ADMIN))
                .isInstanceOfSatisfying(ImageConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ImageConflictException.Reason.DEFAULT_IMAGE));
        assertThatThrownBy(() -> catalog.remove(jupyterDefault.id(), ADMIN, true))
                .isInstanceOfSatisfying(ImageConflictException.class, e -> assertThat(e.reason())
                        .isEqualTo(ImageConflictException.Reason.DEFAULT_IMAGE));
        assertThat(catalog.find(jupyterDefault.id())).isEqualTo(jupyterDefault);
    }

    @Test
    void aReferenceIsInTheCatalogOnceHoweverItIsSpelled() {
        String tag = CatalogFixtures.uniqueName("v1");
        catalog.add(NewImage.of("ubuntu:" + tag, ServerType.JUPYTER, "Ubuntu"), ADMIN);

        assertThatThrownBy(() -> catalog.add(
                        NewImage.of("index.docker.io/library/ubuntu:" + tag, ServerType.JUPYTER, "Ubuntu again"),
                        ADMIN))
                .isInstanceOfSatisfying(ImageConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImageConflictException.Reason.DUPLICATE);
                    assertThat(e.field()).isEqualTo("image");
                });
    }

    @Test
    void badInputNamesItsFieldAndChangesNothing() {
        int before = catalog.list(null, null, true).size();

        assertThatThrownBy(() -> catalog.add(NewImage.of("Bad/Image:1", ServerType.JUPYTER, "Bad"), ADMIN))
                .isInstanceOfSatisfying(InvalidImageException.class, e -> {
                    assertThat(e.field()).isEqualTo("image");
                    assertThat(e.getMessage()).contains("lower-case");
                });
        assertThatThrownBy(() -> catalog.add(NewImage.of(uniqueReference("ok/image"), ServerType.JUPYTER, " "), ADMIN))
                .isInstanceOfSatisfying(
                        InvalidImageException.class, e -> assertThat(e.field()).isEqualTo("displayName"));
        assertThatThrownBy(() -> catalog.add(
                        new NewImage(
                                uniqueReference("ok/image"),
                                ServerType.JUPYTER,
                                "ok",
                                null,
                                List.of("Not A Tag"),
                                false,
                                null,
                                false),
                        ADMIN))
                .isInstanceOfSatisfying(
                        InvalidImageException.class, e -> assertThat(e.field()).isEqualTo("tags"));
        assertThat(catalog.list(null, null, true)).hasSize(before);
    }

    @Test
    void theCatalogAtAPastTimeIsReadFromItsHistory() {
        Instant beforeAdd = Instant.now();
        ImageEntry added =
                catalog.add(NewImage.of(uniqueReference("ghcr.io/example/past"), ServerType.JUPYTER, "Past"), ADMIN);
        Instant afterAdd = Instant.now();
        catalog.edit(added.id(), new ImageEdit("Past, renamed", null, null, null, null), ADMIN);
        Instant afterEdit = Instant.now();
        catalog.remove(added.id(), ADMIN, false);

        assertThat(catalog.catalogAt(beforeAdd)).noneMatch(image -> image.id().equals(added.id()));
        assertThat(catalog.catalogAt(afterAdd)).contains(added);
        assertThat(catalog.catalogAt(afterEdit))
                .filteredOn(image -> image.id().equals(added.id()))
                .singleElement()
                .satisfies(image -> assertThat(image.displayName()).isEqualTo("Past, renamed"));
        assertThat(catalog.catalogAt(Instant.now()))
                .noneMatch(image -> image.id().equals(added.id()));
        assertThat(catalog.history(beforeAdd, null))
                .filteredOn(change -> change.imageId().equals(added.id()))
                .extracting(CatalogChange::action)
                .containsExactly(ChangeAction.ADD, ChangeAction.EDIT, ChangeAction.REMOVE);
        assertThat(catalog.history(null, beforeAdd))
                .noneMatch(change -> change.imageId().equals(added.id()));
    }

    @Test
    void anImageThatNotebooksRunIsRemovedOnlyWhenForced() {
        ImageEntry image =
                catalog.add(NewImage.of(uniqueReference("ghcr.io/example/used"), ServerType.JUPYTER, "Used"), ADMIN);
        String namespace = CatalogFixtures.uniqueName("team");

        notebooks.publish(created(namespace, image, Instant.now()));

        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 1);
        assertThatThrownBy(() -> catalog.remove(image.id(), ADMIN, false))
                .isInstanceOfSatisfying(ImageConflictException.class, e -> {
                    assertThat(e.reason()).isEqualTo(ImageConflictException.Reason.IN_USE);
                    assertThat(e.getMessage()).startsWith("1 notebook(s)");
                });

        notebooks.publish(deleted(namespace, image, Instant.now()));

        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 0);
        assertThat(catalog.remove(image.id(), ADMIN, false)).isEqualTo(image);
    }

    @Test
    void aNotebookEditedToAnotherImageCountsForTheNewImageOnly() {
        ImageEntry before = catalog.add(
                NewImage.of(uniqueReference("ghcr.io/example/before"), ServerType.JUPYTER, "Before"), ADMIN);
        ImageEntry after =
                catalog.add(NewImage.of(uniqueReference("ghcr.io/example/after"), ServerType.JUPYTER, "After"), ADMIN);
        String namespace = CatalogFixtures.uniqueName("team");
        Instant createdAt = Instant.now().minusSeconds(60);
        notebooks.publish(created(namespace, before, createdAt));
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(before.id()) == 1);

        NotebookResources resources = new NotebookResources("500m", "1Gi", "600m", "1.2Gi", null);
        notebooks.publish(at(
                createdAt.plusSeconds(30),
                PlatformEvent.of(
                        "notebook-service",
                        Subjects.namespaced(namespace, "nb"),
                        new NotebookUpdated(
                                Actor.api("alice@example.com"),
                                namespace,
                                "nb",
                                after.reference(),
                                ServerType.JUPYTER,
                                resources,
                                List.of("nb-workspace"),
                                new NotebookUpdated.Before(before.reference(), resources, List.of("nb-workspace")),
                                true))));

        await().atMost(EVENTS).untilAsserted(() -> {
            assertThat(catalog.notebooksUsing(after.id())).isEqualTo(1);
            assertThat(catalog.notebooksUsing(before.id())).isZero();
        });
    }

    @Test
    void aCreationDeliveredAgainAfterTheDeletionDoesNotBringTheNotebookBack() {
        ImageEntry image = catalog.add(
                NewImage.of(uniqueReference("ghcr.io/example/redelivered"), ServerType.JUPYTER, "Redelivered"), ADMIN);
        String namespace = CatalogFixtures.uniqueName("team");
        // one instant for both, so the time guard cannot tell them apart: only the event id can
        Instant time = Instant.now();
        PlatformEvent<NotebookCreated> created = created(namespace, image, time);
        notebooks.publish(created);
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 1);
        notebooks.publish(deleted(namespace, image, time));
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 0);

        notebooks.publish(created);

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(17))
                .until(() -> catalog.notebooksUsing(image.id()) == 0);
    }

    @Test
    void aCreationOlderThanTheDeletionItArrivesAfterChangesNothing() {
        ImageEntry image =
                catalog.add(NewImage.of(uniqueReference("ghcr.io/example/late"), ServerType.JUPYTER, "Late"), ADMIN);
        String namespace = CatalogFixtures.uniqueName("team");
        Instant createdAt = Instant.now().minusSeconds(60);
        notebooks.publish(created(namespace, image, createdAt));
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 1);
        notebooks.publish(deleted(namespace, image, createdAt.plusSeconds(30)));
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 0);

        // another event (its own id, so not a duplicate) that happened before the deletion and arrives after it
        notebooks.publish(created(namespace, image, createdAt.plusSeconds(10)));

        await().during(Duration.ofSeconds(2))
                .atMost(Duration.ofSeconds(17))
                .until(() -> catalog.notebooksUsing(image.id()) == 0);
    }

    private static PlatformEvent<NotebookCreated> created(String namespace, ImageEntry image, Instant time) {
        return at(
                time,
                PlatformEvent.of(
                        "notebook-service",
                        Subjects.namespaced(namespace, "nb"),
                        new NotebookCreated(
                                Actor.api("alice@example.com"),
                                namespace,
                                "nb",
                                image.reference(),
                                ServerType.JUPYTER,
                                new NotebookResources("500m", "1Gi", "600m", "1.2Gi", null),
                                List.of("nb-workspace"))));
    }

    private static PlatformEvent<NotebookDeleted> deleted(String namespace, ImageEntry image, Instant time) {
        return at(
                time,
                PlatformEvent.of(
                        "notebook-service",
                        Subjects.namespaced(namespace, "nb"),
                        new NotebookDeleted(
                                Actor.api("alice@example.com"),
                                namespace,
                                "nb",
                                image.reference(),
                                ServerType.JUPYTER,
                                new NotebookResources("500m", "1Gi", "600m", "1.2Gi", null),
                                List.of("nb-workspace"))));
    }

    private static <T extends EventData> PlatformEvent<T> at(Instant time, PlatformEvent<T> event) {
        return new PlatformEvent<>(
                event.id(),
                event.source(),
                event.type(),
                event.subject(),
                event.key(),
                time.truncatedTo(ChronoUnit.MILLIS),
                event.data());
    }

    @Test
    void anImageInUseCanBeForcedOut() {
        ImageEntry image = catalog.add(
                NewImage.of(uniqueReference("ghcr.io/example/forced"), ServerType.JUPYTER, "Forced"), ADMIN);
        String namespace = CatalogFixtures.uniqueName("team");
        notebooks.publish(PlatformEvent.of(
                "notebook-service",
                Subjects.namespaced(namespace, "nb"),
                new NotebookCreated(
                        Actor.api("bob@example.com"),
                        namespace,
                        "nb",
                        image.reference(),
                        ServerType.JUPYTER,
                        new NotebookResources("500m", "1Gi", "600m", "1.2Gi", null),
                        List.of("nb-workspace"))));
        await().atMost(EVENTS).until(() -> catalog.notebooksUsing(image.id()) == 1);

        catalog.remove(image.id(), ADMIN, true);

        assertThatThrownBy(() -> catalog.find(image.id())).isInstanceOf(ImageNotFoundException.class);
    }

    private ImageEntry defaultOf(ServerType serverType) {
        return catalog.list(serverType, null, true).stream()
                .filter(ImageEntry::defaultImage)
                .findFirst()
                .orElseThrow();
    }

    private List<AuditRecord> audit(ImageEntry image, String action) {
        AuditQuery query = AuditQuery.newestFirst()
                .withResource(CatalogService.KIND, null, image.id().toString());
        return auditLog.find(action == null ? query : query.withAction(action)).items();
    }

    private static String uniqueReference(String repository) {
        return repository + ":" + CatalogFixtures.uniqueName("t");
    }

    static List<String> types(List<ReceivedEvent> events) {
        return events.stream().map(ReceivedEvent::type).toList();
    }
}
