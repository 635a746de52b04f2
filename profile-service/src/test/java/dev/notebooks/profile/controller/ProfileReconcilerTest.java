package dev.notebooks.profile.controller;

import static dev.notebooks.platform.kube.ResourceTypes.NAMESPACE;
import static dev.notebooks.platform.kube.ResourceTypes.RESOURCE_QUOTA;
import static dev.notebooks.platform.kube.ResourceTypes.ROLE_BINDING;
import static dev.notebooks.platform.kube.ResourceTypes.SERVICE_ACCOUNT;
import static dev.notebooks.profile.domain.ProfileResources.PROFILES;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.events.profile.ProfileCreated;
import dev.notebooks.platform.events.profile.ProfileDeleted;
import dev.notebooks.platform.events.profile.ProfileFailed;
import dev.notebooks.platform.events.profile.ProfileReady;
import dev.notebooks.platform.events.profile.ProfileUpdated;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.meta.OwnerReferences;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.Quotas;
import dev.notebooks.profile.service.ContributorBinding;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1RoleBinding;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The profile controller end to end: Profiles written straight to the Kubernetes API (as kubectl or the REST API
 * would), the objects Kubeflow's controller makes appearing and staying as they should, and every change announced
 * on Kafka (validated against its schema) with the right actor.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProfileReconcilerTest implements TestPropertyProvider {

    private static final Duration CONVERGED = Duration.ofSeconds(15);
    private static final String ALICE = "alice@example.com";
    private static final String BOB = "bob@example.com";
    private static final String GCP_ANNOTATION = "iam.gke.io/gcp-service-account";
    private static final String AWS_ANNOTATION = "eks.amazonaws.com/role-arn";

    @Inject
    AuditLog auditLog;

    private final Kubectl kubectl = new Kubectl();
    private final EventTopicReader topic = new EventTopicReader(Topics.PROFILES);

    @Override
    public Map<String, String> getProperties() {
        return ProfileServiceFixtures.properties();
    }

    @Test
    void aProfileAppliedWithKubectlGetsEverythingKubeflowsControllerMakes() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("team-a");
        Profile profile = kubectl.create(
                PROFILES,
                profile(
                        name,
                        ALICE,
                        Map.of(
                                "cpu", "6",
                                "memory", "16Gi",
                                "requests.nvidia.com/gpu", "1",
                                "persistentvolumeclaims", "10",
                                "requests.storage", "100Gi")));

        Profile ready = awaitReady(name);

        V1Namespace namespace = kubectl.require(NAMESPACE, null, name);
        assertThat(namespace.getMetadata().getAnnotations()).containsEntry("owner", ALICE);
        assertThat(namespace.getMetadata().getLabels())
                .containsEntry("app.kubernetes.io/part-of", "kubeflow-profile")
                .containsEntry("istio-injection", "enabled");
        assertControlledBy(namespace, profile);

        assertThat(kubectl.require(SERVICE_ACCOUNT, name, "default-editor"))
                .satisfies(sa -> assertControlledBy(sa, profile));
        assertThat(kubectl.require(SERVICE_ACCOUNT, name, "default-viewer"))
                .satisfies(sa -> assertControlledBy(sa, profile));

        V1RoleBinding admin = kubectl.require(ROLE_BINDING, name, "namespaceAdmin");
        assertThat(admin.getMetadata().getAnnotations())
                .containsEntry("user", ALICE)
                .containsEntry("role", "admin");
        assertThat(admin.getRoleRef().getKind()).isEqualTo("ClusterRole");
        assertThat(admin.getRoleRef().getName()).isEqualTo("kubeflow-admin");
        assertThat(admin.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("User");
            assertThat(subject.getName()).isEqualTo(ALICE);
            assertThat(subject.getApiGroup()).isEqualTo("rbac.authorization.k8s.io");
        });
        assertControlledBy(admin, profile);
        assertServiceAccountBinding(name, "default-editor", "kubeflow-edit", profile);
        assertServiceAccountBinding(name, "default-viewer", "kubeflow-view", profile);

        V1ResourceQuota quota = kubectl.require(RESOURCE_QUOTA, name, "kf-resource-quota");
        assertThat(Quotas.hard(quota.getSpec()))
                .containsExactlyInAnyOrderEntriesOf(Map.of(
                        "cpu", "6",
                        "memory", "16Gi",
                        "requests.nvidia.com/gpu", "1",
                        "persistentvolumeclaims", "10",
                        "requests.storage", "100Gi"));
        assertControlledBy(quota, profile);

        assertThat(ready.getMetadata().getFinalizers()).contains("profile-finalizer");
        assertThat(ready.readyCondition()).hasValueSatisfying(condition -> {
            assertThat(condition.getReason()).isEqualTo("Reconciled");
            assertThat(condition.getObservedGeneration())
                    .isEqualTo(ready.getMetadata().getGeneration());
        });
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(eventsOn(profile))
                .extracting(CoreV1Event::getReason)
                .contains("Applied", "Ready"));
    }

    @Test
    void aProfileMadeBehindTheApisBackIsAnnouncedAsKubectlsAndAudited() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("kubectl");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of("cpu", "2")));

        List<ReceivedEvent> events = awaitEvents(name, "profile.created.v1", "profile.ready.v1");

        ProfileCreated created = events.get(0).dataAs(ProfileCreated.class);
        assertThat(created.actor())
                .as("the field manager that wrote the spec, from managedFields")
                .isEqualTo(Actor.kubectl(Kubectl.FIELD_MANAGER));
        assertThat(created.spec().owner()).isEqualTo(ALICE);
        assertThat(created.spec().quota()).containsExactlyEntriesOf(Map.of("cpu", "2"));
        assertThat(events.get(0).source()).isEqualTo("profile-service");
        ProfileReady ready = events.get(1).dataAs(ProfileReady.class);
        assertThat(ready.actor()).isEqualTo(Actor.controller("profile-service"));
        assertThat(ready.namespace()).isEqualTo(name);
        assertThat(auditOf(name)).singleElement().satisfies(record -> {
            assertThat(record.action()).isEqualTo("profile.create");
            assertThat(record.source()).isEqualTo("kubectl");
            assertThat(record.after()).contains(ALICE);
        });
    }

    @Test
    void anAnnotationNamingSomeoneElseDoesNotMakeAKubectlChangeTheirs() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("forged");
        Profile created = profile(name, ALICE, Map.of());
        // what the API once wrote to say who made a generation: anyone who can edit the Profile can write it too
        created.getMetadata()
                .annotations(Map.of("notebooks.dev/changed-by", ALICE, "notebooks.dev/changed-by-generation", "1"));
        kubectl.create(PROFILES, created);
        awaitEvents(name, "profile.created.v1", "profile.ready.v1");

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"metadata": {"annotations": {"notebooks.dev/changed-by": "admin@example.com",
                                              "notebooks.dev/changed-by-generation": "2"}},
                 "spec": {"resourceQuotaSpec": {"hard": {"cpu": "4"}}}}""");
        List<ReceivedEvent> events = awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.updated.v1");

        Actor kubectlUser = Actor.kubectl(Kubectl.FIELD_MANAGER);
        assertThat(events.get(0).dataAs(ProfileCreated.class).actor()).isEqualTo(kubectlUser);
        ProfileUpdated update = events.get(2).dataAs(ProfileUpdated.class);
        assertThat(update.actor()).isEqualTo(kubectlUser);
        assertThat(update.after().quota()).containsExactlyEntriesOf(Map.of("cpu", "4"));
        assertThat(auditOf(name))
                .as("what kubectl did is audited as kubectl's")
                .extracting(AuditRecord::action, AuditRecord::actor, AuditRecord::source)
                .containsExactly(
                        tuple("profile.update", Kubectl.FIELD_MANAGER, "kubectl"),
                        tuple("profile.create", Kubectl.FIELD_MANAGER, "kubectl"));
    }

    @Test
    void aDeletionAnnotatedWithSomeoneElsesNameIsAnnouncedAsKubectls() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("forged-delete");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"metadata": {"annotations": {"notebooks.dev/deleted-by": "alice@example.com"}}}""");
        kubectl.delete(PROFILES, null, name);

        ProfileDeleted deleted = awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.deleted.v1")
                .get(2)
                .dataAs(ProfileDeleted.class);
        assertThat(deleted.actor().via()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(deleted.actor().user()).isNotEqualTo(ALICE);
    }

    @Test
    void aContributorAddedAndRemovedWithKubectlIsAnnouncedAsKubectls() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("kfam");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);

        // the RoleBinding KFAM would write, written behind the service's back
        kubectl.create(
                ROLE_BINDING, ContributorBinding.of(BOB, ContributorRole.EDIT).toRoleBinding(name));
        List<ReceivedEvent> added =
                awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.contributor-added.v1");
        kubectl.delete(
                ROLE_BINDING,
                name,
                ContributorBinding.of(BOB, ContributorRole.EDIT).name());
        List<ReceivedEvent> removed = awaitEvents(
                name,
                "profile.created.v1",
                "profile.ready.v1",
                "profile.contributor-added.v1",
                "profile.contributor-removed.v1");

        ProfileContributorAdded addition = added.get(2).dataAs(ProfileContributorAdded.class);
        assertThat(addition.actor()).isEqualTo(Actor.kubectl(Kubectl.FIELD_MANAGER));
        assertThat(addition.user()).isEqualTo(BOB);
        assertThat(addition.role()).isEqualTo(ContributorRole.EDIT);
        ProfileContributorRemoved removal = removed.get(3).dataAs(ProfileContributorRemoved.class);
        assertThat(removal.actor().via()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(removal.user()).isEqualTo(BOB);
        assertThat(auditOf(name))
                .extracting(AuditRecord::action)
                .containsExactly("contributor.remove", "contributor.add", "profile.create");
    }

    @Test
    void aNamespaceThatBelongsToSomeoneElseIsNeverTakenOver() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("taken");
        kubectl.create(
                NAMESPACE,
                new V1Namespace().metadata(new V1ObjectMeta().name(name).annotations(Map.of("owner", BOB))));
        kubectl.create(PROFILES, profile(name, ALICE, Map.of("cpu", "1")));

        V1Condition condition = awaitCondition(name, c -> "False".equals(c.getStatus()));

        assertThat(condition.getReason()).isEqualTo("NamespaceOwnedByOther");
        assertThat(condition.getMessage()).contains(BOB);
        V1Namespace namespace = kubectl.require(NAMESPACE, null, name);
        assertThat(namespace.getMetadata().getAnnotations()).containsExactlyEntriesOf(Map.of("owner", BOB));
        assertThat(namespace.getMetadata().getOwnerReferences()).isNullOrEmpty();
        assertThat(kubectl.get(SERVICE_ACCOUNT, name, "default-editor")).isEmpty();
        assertThat(kubectl.get(RESOURCE_QUOTA, name, "kf-resource-quota")).isEmpty();
        List<ReceivedEvent> events = awaitEvents(name, "profile.created.v1", "profile.failed.v1");
        assertThat(events.get(1).dataAs(ProfileFailed.class).reason()).isEqualTo("NamespaceOwnedByOther");

        kubectl.delete(PROFILES, null, name);
        await().atMost(CONVERGED).until(() -> kubectl.get(PROFILES, null, name).isEmpty());
        assertThat(kubectl.get(NAMESPACE, null, name))
                .as("bob's namespace survives alice's profile")
                .isPresent();
    }

    @Test
    void theQuotaIsSetChangedToExactlyTheNewLimitsAndRemovedWhenEmptied() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("quota");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);
        assertThat(kubectl.get(RESOURCE_QUOTA, name, "kf-resource-quota")).isEmpty();

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"spec": {"resourceQuotaSpec": {"hard": {"cpu": "2", "memory": "4Gi"}}}}""");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(hardQuota(name))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", "2", "memory", "4Gi")));

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"spec": {"resourceQuotaSpec": {"hard": {"cpu": "4", "memory": null}}}}""");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(hardQuota(name))
                .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", "4")));

        kubectl.patch(PROFILES, null, name, """
                {"spec": {"resourceQuotaSpec": null}}""");
        await().atMost(CONVERGED).until(() -> kubectl.get(RESOURCE_QUOTA, name, "kf-resource-quota")
                .isEmpty());

        List<ProfileUpdated> updates = awaitEvents(
                        name,
                        "profile.created.v1",
                        "profile.ready.v1",
                        "profile.updated.v1",
                        "profile.updated.v1",
                        "profile.updated.v1")
                .stream()
                .filter(event -> event.type().equals("profile.updated.v1"))
                .map(event -> event.dataAs(ProfileUpdated.class))
                .toList();
        assertThat(updates)
                .extracting(update -> update.after().quota())
                .containsExactly(Map.of("cpu", "2", "memory", "4Gi"), Map.of("cpu", "4"), Map.of());
    }

    @Test
    void pluginsAnnotateTheEditorServiceAccountUntilTheyAreRemoved() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("plugins");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"spec": {"plugins": [
                  {"kind": "WorkloadIdentity", "spec": {"gcpServiceAccount": "notebooks@my-project.iam.gserviceaccount.com"}},
                  {"kind": "AwsIamForServiceAccount", "spec": {"awsIamRole": "arn:aws:iam::123456789012:role/notebooks", "annotateOnly": true}}
                ]}}""");
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(editorAnnotations(name))
                .containsEntry(GCP_ANNOTATION, "notebooks@my-project.iam.gserviceaccount.com")
                .containsEntry(AWS_ANNOTATION, "arn:aws:iam::123456789012:role/notebooks"));
        assertThat(kubectl.require(SERVICE_ACCOUNT, name, "default-viewer")
                        .getMetadata()
                        .getAnnotations())
                .isNullOrEmpty();

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"spec": {"plugins": [{"kind": "AwsIamForServiceAccount", "spec": {"awsIamRole": ""}}]}}""");
        V1Condition invalid = awaitCondition(name, c -> "False".equals(c.getStatus()));
        assertThat(invalid.getReason()).isEqualTo("PluginInvalid");
        assertThat(invalid.getMessage()).contains("awsIamRole is empty");

        kubectl.patch(PROFILES, null, name, """
                {"spec": {"plugins": null}}""");
        awaitCondition(name, c -> "True".equals(c.getStatus()));
        await().atMost(CONVERGED).untilAsserted(() -> assertThat(editorAnnotations(name))
                .doesNotContainKeys(GCP_ANNOTATION, AWS_ANNOTATION));
        assertThat(awaitEvents(
                                name,
                                "profile.created.v1",
                                "profile.ready.v1",
                                "profile.updated.v1",
                                "profile.updated.v1",
                                "profile.failed.v1",
                                "profile.updated.v1",
                                "profile.ready.v1")
                        .get(2)
                        .dataAs(ProfileUpdated.class)
                        .after()
                        .plugins())
                .containsExactly("WorkloadIdentity", "AwsIamForServiceAccount");
    }

    @Test
    void whatIsChangedOrDeletedBehindItsBackIsPutBackAndOtherLabelsAreLeftAlone() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("drift");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of("cpu", "2")));
        awaitReady(name);

        kubectl.delete(ROLE_BINDING, name, "namespaceAdmin");
        kubectl.delete(SERVICE_ACCOUNT, name, "default-viewer");
        kubectl.patch(
                RESOURCE_QUOTA,
                name,
                "kf-resource-quota",
                """
                {"spec": {"hard": {"cpu": "100", "memory": "1Ti"}}}""");
        kubectl.patch(
                NAMESPACE,
                null,
                name,
                """
                {"metadata": {"labels": {"istio-injection": "disabled", "team": "research"},
                              "annotations": {"owner": "mallory@example.com"}}}""");

        await().atMost(CONVERGED).untilAsserted(() -> {
            assertThat(kubectl.get(ROLE_BINDING, name, "namespaceAdmin")).isPresent();
            assertThat(kubectl.get(SERVICE_ACCOUNT, name, "default-viewer")).isPresent();
            assertThat(hardQuota(name)).containsExactlyEntriesOf(Map.of("cpu", "2"));
            V1Namespace namespace = kubectl.require(NAMESPACE, null, name);
            assertThat(namespace.getMetadata().getLabels())
                    .containsEntry("istio-injection", "enabled")
                    .containsEntry("team", "research");
            assertThat(namespace.getMetadata().getAnnotations()).containsEntry("owner", ALICE);
        });
    }

    @Test
    void aNewOwnerGetsTheNamespaceAndTheAdminBinding() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("handover");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);

        kubectl.patch(
                PROFILES,
                null,
                name,
                """
                {"spec": {"owner": {"kind": "User", "name": "bob@example.com"}}}""");

        await().atMost(CONVERGED).untilAsserted(() -> {
            assertThat(kubectl.require(NAMESPACE, null, name).getMetadata().getAnnotations())
                    .containsEntry("owner", BOB);
            V1RoleBinding admin = kubectl.require(ROLE_BINDING, name, "namespaceAdmin");
            assertThat(admin.getMetadata().getAnnotations()).containsEntry("user", BOB);
            assertThat(admin.getSubjects()).singleElement().satisfies(s -> assertThat(s.getName())
                    .isEqualTo(BOB));
        });
        ProfileUpdated update = awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.updated.v1")
                .get(2)
                .dataAs(ProfileUpdated.class);
        assertThat(update.before().owner()).isEqualTo(ALICE);
        assertThat(update.after().owner()).isEqualTo(BOB);
    }

    @Test
    void deletingAProfileRevokesItsPluginsAndLeavesItsChildrenToTheGarbageCollector() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("gone");
        Profile created = kubectl.create(
                PROFILES,
                Profile.of(
                        name,
                        new Profile.Spec(
                                Profile.Owner.user(ALICE),
                                Quotas.spec(Map.of("cpu", "1")),
                                List.of(Profile.Plugin.of(
                                        "WorkloadIdentity",
                                        Map.of(
                                                "gcpServiceAccount",
                                                "notebooks@my-project.iam.gserviceaccount.com"))))));
        awaitReady(name);
        await().atMost(CONVERGED)
                .untilAsserted(() -> assertThat(editorAnnotations(name)).containsKey(GCP_ANNOTATION));
        // something the reconciler never made, owned by the profile: only the garbage collector knows it
        V1ConfigMap notes = new V1ConfigMap()
                .metadata(new V1ObjectMeta()
                        .name(name + "-notes")
                        .namespace("default")
                        .ownerReferences(List.of(OwnerReferences.controller(PROFILES, created))));
        kubectl.create(ResourceTypes.CONFIG_MAP, notes);

        kubectl.delete(PROFILES, null, name);

        await().atMost(CONVERGED).untilAsserted(() -> {
            assertThat(kubectl.get(PROFILES, null, name)).isEmpty();
            assertThat(kubectl.get(ResourceTypes.CONFIG_MAP, "default", name + "-notes"))
                    .isEmpty();
            assertThat(kubectl.get(NAMESPACE, null, name)).isEmpty();
            assertThat(kubectl.get(SERVICE_ACCOUNT, name, "default-editor")).isEmpty();
            assertThat(kubectl.get(SERVICE_ACCOUNT, name, "default-viewer")).isEmpty();
            assertThat(kubectl.get(ROLE_BINDING, name, "namespaceAdmin")).isEmpty();
            assertThat(kubectl.get(ROLE_BINDING, name, "default-editor")).isEmpty();
            assertThat(kubectl.get(ROLE_BINDING, name, "default-viewer")).isEmpty();
            assertThat(kubectl.get(RESOURCE_QUOTA, name, "kf-resource-quota")).isEmpty();
        });
        assertThat(eventsOn(created)).extracting(CoreV1Event::getReason).contains("PluginsRevoked");
        ProfileDeleted deleted = awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.deleted.v1")
                .get(2)
                .dataAs(ProfileDeleted.class);
        assertThat(deleted.actor().via()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(deleted.spec().quota()).containsExactlyEntriesOf(Map.of("cpu", "1"));
    }

    @Test
    void aProfileDeletedWithKubectlIsAnnouncedAndAuditedAsKubectls() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("kubectl-gone");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of()));
        awaitReady(name);

        kubectl.delete(PROFILES, null, name);

        ProfileDeleted deleted = awaitEvents(name, "profile.created.v1", "profile.ready.v1", "profile.deleted.v1")
                .get(2)
                .dataAs(ProfileDeleted.class);
        assertThat(deleted.actor().via()).isEqualTo(Actor.VIA_KUBECTL);
        assertThat(auditOf(name)).extracting(AuditRecord::action).containsExactly("profile.delete", "profile.create");
    }

    @Test
    void atSteadyStateNothingIsWrittenThoughEveryProfileIsReconciledEachSecond() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("steady");
        kubectl.create(PROFILES, profile(name, ALICE, Map.of("cpu", "2")));
        awaitReady(name);
        awaitEvents(name, "profile.created.v1", "profile.ready.v1");
        Map<String, String> versions = resourceVersions(name);
        int events = eventsOn(kubectl.require(PROFILES, null, name)).size();

        await().during(Duration.ofSeconds(4))
                .atMost(Duration.ofSeconds(19))
                .untilAsserted(() -> assertThat(resourceVersions(name)).isEqualTo(versions));

        assertThat(eventsOn(kubectl.require(PROFILES, null, name))).hasSize(events);
        assertThat(topic.typesAbout(name)).containsExactly("profile.created.v1", "profile.ready.v1");
    }

    @Test
    void unknownPluginKindsAreReportedOnceNotOnEveryPass() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("plugins");
        kubectl.create(
                PROFILES,
                Profile.of(
                        name,
                        new Profile.Spec(
                                Profile.Owner.user(ALICE),
                                null,
                                List.of(
                                        Profile.Plugin.of("FirstUnknownPlugin", Map.of()),
                                        Profile.Plugin.of("SecondUnknownPlugin", Map.of())))));
        awaitReady(name);
        Profile profile = kubectl.require(PROFILES, null, name);
        await().atMost(CONVERGED)
                .until(() -> eventsOn(profile).stream().anyMatch(event -> "Ready".equals(event.getReason())));
        int events = eventsOn(profile).size();

        await().during(Duration.ofSeconds(3))
                .atMost(Duration.ofSeconds(18))
                .untilAsserted(() -> assertThat(eventsOn(profile)).hasSize(events));
        assertThat(eventsOn(profile))
                .filteredOn(event -> "UnknownPlugin".equals(event.getReason()))
                .hasSize(1)
                .allSatisfy(event -> assertThat(event.getMessage())
                        .contains("FirstUnknownPlugin")
                        .contains("SecondUnknownPlugin"));
    }

    private static Profile profile(String name, String owner, Map<String, String> hard) {
        return Profile.of(
                name, new Profile.Spec(Profile.Owner.user(owner), hard.isEmpty() ? null : Quotas.spec(hard), null));
    }

    private Profile awaitReady(String name) {
        awaitCondition(name, condition -> "True".equals(condition.getStatus()));
        return kubectl.require(PROFILES, null, name);
    }

    /** Waits for the Ready condition of the profile's current generation to match. */
    private V1Condition awaitCondition(String name, Predicate<V1Condition> wanted) {
        return await().atMost(CONVERGED)
                .until(
                        () -> {
                            Profile profile = kubectl.require(PROFILES, null, name);
                            return profile.readyCondition()
                                    .filter(c -> profile.getMetadata()
                                            .getGeneration()
                                            .equals(c.getObservedGeneration()))
                                    .filter(wanted);
                        },
                        Optional::isPresent)
                .orElseThrow();
    }

    private List<ReceivedEvent> awaitEvents(String name, String... types) {
        await().atMost(CONVERGED)
                .untilAsserted(() -> assertThat(topic.typesAbout(name)).containsExactly(types));
        return topic.eventsAbout(name);
    }

    private List<AuditRecord> auditOf(String name) {
        return auditLog.find(AuditQuery.newestFirst().withResource("Profile", null, name))
                .items();
    }

    private Map<String, String> hardQuota(String name) {
        return kubectl.get(RESOURCE_QUOTA, name, "kf-resource-quota")
                .map(quota -> Quotas.hard(quota.getSpec()))
                .orElse(Map.of());
    }

    private Map<String, String> editorAnnotations(String name) {
        Map<String, String> annotations = kubectl.require(SERVICE_ACCOUNT, name, "default-editor")
                .getMetadata()
                .getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }

    private Map<String, String> resourceVersions(String name) {
        Map<String, String> versions = new LinkedHashMap<>();
        versions.put("profile", version(kubectl.require(PROFILES, null, name)));
        versions.put("namespace", version(kubectl.require(NAMESPACE, null, name)));
        for (String account : List.of("default-editor", "default-viewer")) {
            versions.put("sa/" + account, version(kubectl.require(SERVICE_ACCOUNT, name, account)));
        }
        for (String binding : List.of("namespaceAdmin", "default-editor", "default-viewer")) {
            versions.put("rb/" + binding, version(kubectl.require(ROLE_BINDING, name, binding)));
        }
        versions.put("quota", version(kubectl.require(RESOURCE_QUOTA, name, "kf-resource-quota")));
        return versions;
    }

    private static String version(KubernetesObject object) {
        return object.getMetadata().getResourceVersion();
    }

    private void assertServiceAccountBinding(String namespace, String name, String clusterRole, Profile profile) {
        V1RoleBinding binding = kubectl.require(ROLE_BINDING, namespace, name);
        assertThat(binding.getRoleRef().getName()).isEqualTo(clusterRole);
        assertThat(binding.getSubjects()).singleElement().satisfies(subject -> {
            assertThat(subject.getKind()).isEqualTo("ServiceAccount");
            assertThat(subject.getName()).isEqualTo(name);
            assertThat(subject.getNamespace()).isEqualTo(namespace);
        });
        assertControlledBy(binding, profile);
    }

    private static void assertControlledBy(KubernetesObject child, Profile profile) {
        assertThat(child.getMetadata().getOwnerReferences()).singleElement().satisfies(owner -> {
            assertThat(owner.getApiVersion()).isEqualTo("kubeflow.org/v1");
            assertThat(owner.getKind()).isEqualTo("Profile");
            assertThat(owner.getName()).isEqualTo(profile.name());
            assertThat(owner.getUid()).isEqualTo(profile.getMetadata().getUid());
            assertThat(owner.getController()).isTrue();
        });
    }

    private static List<CoreV1Event> eventsOn(Profile profile) throws ApiException {
        return new CoreV1Api(KubernetesFixture.shared().apiClient())
                .listNamespacedEvent("default").execute().getItems().stream()
                        .filter(event -> profile.getMetadata()
                                .getUid()
                                .equals(event.getInvolvedObject().getUid()))
                        .toList();
    }
}
