package dev.notebooks.profile.service;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.ReceivedEvent;
import dev.notebooks.platform.events.Topics;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.events.profile.ProfileCreated;
import dev.notebooks.platform.events.profile.ProfileFailed;
import dev.notebooks.platform.events.profile.ProfileReady;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.testing.kafka.EventTopicReader;
import dev.notebooks.platform.testing.kafka.EventTopicWriter;
import dev.notebooks.platform.testing.kubernetes.KubernetesFixture;
import dev.notebooks.profile.ProfileServiceFixtures;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileAnnotations;
import dev.notebooks.profile.domain.ProfileResources;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.apis.CoreV1Api;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1Condition;
import io.kubernetes.client.openapi.models.V1Namespace;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.env.Environment;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.test.support.TestPropertyProvider;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Registration end to end: account events published to the real Kafka the way auth-service's relay publishes them,
 * profiles written to the Kubernetes API double and made by the reconciler.
 */
@MicronautTest(environments = Environment.KUBERNETES, transactional = false)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RegistrationTest implements TestPropertyProvider {

    private static final Duration CONSUMED = Duration.ofSeconds(30);

    @Inject
    AuditLog auditLog;

    private final EventTopicWriter accounts = new EventTopicWriter(Topics.ACCOUNTS);
    private final EventTopicReader profileTopic = new EventTopicReader(Topics.PROFILES);
    private final ResourceClient kubectl =
            new ResourceClient(KubernetesFixture.shared().apiClient(), new KubeConfiguration("kubectl"));

    @Override
    public Map<String, String> getProperties() {
        Map<String, String> properties = ProfileServiceFixtures.properties();
        properties.put("profiles.registration.default-quota.cpu", "4");
        properties.put("profiles.registration.default-quota.memory", "8Gi");
        return properties;
    }

    @AfterAll
    void closeProducer() {
        accounts.close();
    }

    @Test
    void anAccountDeliveredTwiceGetsExactlyOneProfileWhichOutlivesTheAccount() {
        String name = ProfileServiceFixtures.uniqueName("jane");
        String email = name + "@example.com";
        String userId = UUID.randomUUID().toString();
        PlatformEvent<AccountCreated> created = PlatformEvent.of(
                "auth-service", userId, new AccountCreated(Actor.api("admin@example.com"), userId, email, "jane"));

        accounts.publish(created);
        accounts.publish(created);
        // same key, so same partition: once this one is applied, both deliveries before it have been too
        accounts.publish(PlatformEvent.of(
                "auth-service", userId, new AccountDeleted(Actor.api("admin@example.com"), userId, email, "jane")));

        await().atMost(CONSUMED).until(() -> !audit(name, RegistrationService.OWNER_ACCOUNT_DELETED)
                .isEmpty());
        Profile profile = profile(name).orElseThrow();
        assertThat(profile.ownerName()).isEqualTo(email);
        assertThat(profile.getSpec().hardQuota())
                .containsExactlyInAnyOrderEntriesOf(Map.of("cpu", "4", "memory", "8Gi"));
        assertThat(profile(name + "-2")).isEmpty();
        assertThat(audit(name, RegistrationService.CREATE)).singleElement().satisfies(record -> {
            assertThat(record.actor()).isEqualTo(RegistrationService.ACTOR);
            assertThat(record.after()).contains(email);
        });
        assertThat(audit(name, RegistrationService.OWNER_ACCOUNT_DELETED)).singleElement();
        assertThat(profile(name)).as("deleting the account keeps the profile").isPresent();
    }

    @Test
    void theReconcilerAnnouncesTheProfileAsRegistrationsOwnWrite() {
        String name = ProfileServiceFixtures.uniqueName("kim");
        String userId = UUID.randomUUID().toString();

        accounts.publish(PlatformEvent.of(
                "auth-service",
                userId,
                new AccountCreated(Actor.api("admin@example.com"), userId, name + "@example.com", "kim")));

        ReceivedEvent announced = await().atMost(CONSUMED)
                .until(
                        () -> profileTopic.eventsAbout(name).stream()
                                .filter(event -> ProfileCreated.TYPE.equals(event.type()))
                                .findFirst(),
                        Optional::isPresent)
                .orElseThrow();
        assertThat(announced.dataAs(ProfileCreated.class).actor())
                .isEqualTo(Actor.controller(RegistrationService.ACTOR));
    }

    @Test
    void aTakenProfileNameOrNamespaceMakesRegistrationNumberTheName() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("bob");
        String email = name + "@example.com";
        kubectl.create(ProfileResources.PROFILES, Profile.owned(name, "someone-else@example.com"));
        kubectl.create(ResourceTypes.NAMESPACE, new V1Namespace().metadata(new V1ObjectMeta().name(name + "-2")));
        String userId = UUID.randomUUID().toString();

        accounts.publish(
                PlatformEvent.of("auth-service", userId, new AccountCreated(Actor.api("bob"), userId, email, "bob")));

        Profile registered = await().atMost(CONSUMED)
                .until(() -> profile(name + "-3"), Optional::isPresent)
                .orElseThrow();
        assertThat(registered.ownerName()).isEqualTo(email);
        assertThat(profile(name).orElseThrow().ownerName()).isEqualTo("someone-else@example.com");
    }

    @Test
    void aDeletedAccountLeavesItsProfileConvergedButNotReadyUntilTheAccountIsCreatedAgain() throws ApiException {
        String name = ProfileServiceFixtures.uniqueName("lee");
        String email = name + "@example.com";
        String userId = UUID.randomUUID().toString();
        accounts.publish(accountCreated(userId, email));
        long generation = awaitReady(name, Conditions.TRUE).getMetadata().getGeneration();

        accounts.publish(accountDeleted(userId, email));

        Profile kept = awaitReady(name, Conditions.FALSE);
        V1Condition condition = kept.readyCondition().orElseThrow();
        assertThat(condition.getReason()).isEqualTo("OwnerAccountDeleted");
        assertThat(condition.getMessage()).contains(email);
        assertThat(kept.getMetadata().getAnnotations())
                .containsEntry(ProfileAnnotations.OWNER_ACCOUNT, ProfileAnnotations.OWNER_ACCOUNT_DELETED);
        assertThat(kept.getMetadata().getGeneration()).as("metadata only").isEqualTo(generation);
        assertThat(kubectl.get(ResourceTypes.NAMESPACE, null, name)).isPresent();
        assertThat(kubectl.get(ResourceTypes.SERVICE_ACCOUNT, name, "default-editor"))
                .isPresent();
        assertThat(kubectl.get(ResourceTypes.RESOURCE_QUOTA, name, "kf-resource-quota"))
                .isPresent();
        assertThat(warningsOn(kept, "OwnerAccountDeleted")).singleElement();
        String version = kept.getMetadata().getResourceVersion();
        await().during(Duration.ofSeconds(3)).atMost(Duration.ofSeconds(18)).untilAsserted(() -> assertThat(
                        profile(name).orElseThrow().getMetadata().getResourceVersion())
                .as("a failing profile at steady state is not written")
                .isEqualTo(version));

        accounts.publish(accountCreated(UUID.randomUUID().toString(), email));

        Profile restored = awaitReady(name, Conditions.TRUE);
        assertThat(restored.getMetadata().getAnnotations()).doesNotContainKey(ProfileAnnotations.OWNER_ACCOUNT);
        assertThat(profile(name + "-2"))
                .as("the returning owner keeps their profile")
                .isEmpty();
        await().atMost(CONSUMED).untilAsserted(() -> assertThat(profileTopic.typesAbout(name))
                .containsExactly(ProfileCreated.TYPE, ProfileReady.TYPE, ProfileFailed.TYPE, ProfileReady.TYPE));
        assertThat(profileTopic.eventsAbout(name).get(2).dataAs(ProfileFailed.class))
                .satisfies(failed -> {
                    assertThat(failed.reason()).isEqualTo("OwnerAccountDeleted");
                    assertThat(failed.message()).contains(email);
                });
        assertThat(audit(name, RegistrationService.OWNER_ACCOUNT_DELETED)).singleElement();
        assertThat(audit(name, RegistrationService.CREATE)).singleElement();
    }

    private static PlatformEvent<AccountCreated> accountCreated(String userId, String email) {
        return PlatformEvent.of(
                "auth-service", userId, new AccountCreated(Actor.api("admin@example.com"), userId, email, "lee"));
    }

    private static PlatformEvent<AccountDeleted> accountDeleted(String userId, String email) {
        return PlatformEvent.of(
                "auth-service", userId, new AccountDeleted(Actor.api("admin@example.com"), userId, email, "lee"));
    }

    /** Waits for the Ready condition of the profile's current generation to have this status. */
    private Profile awaitReady(String name, String status) {
        return await().atMost(CONSUMED)
                .until(
                        () -> profile(name).filter(profile -> profile.readyCondition()
                                .filter(c -> status.equals(c.getStatus()))
                                .filter(c ->
                                        profile.getMetadata().getGeneration().equals(c.getObservedGeneration()))
                                .isPresent()),
                        Optional::isPresent)
                .orElseThrow();
    }

    private static List<CoreV1Event> warningsOn(Profile profile, String reason) throws ApiException {
        return new CoreV1Api(KubernetesFixture.shared().apiClient())
                .listNamespacedEvent("default").execute().getItems().stream()
                        .filter(event -> profile.getMetadata()
                                .getUid()
                                .equals(event.getInvolvedObject().getUid()))
                        .filter(event -> "Warning".equals(event.getType()) && reason.equals(event.getReason()))
                        .toList();
    }

    private Optional<Profile> profile(String name) {
        try {
            return kubectl.get(ProfileResources.PROFILES, null, name);
        } catch (ApiException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<AuditRecord> audit(String profile, String action) {
        return auditLog.find(AuditQuery.newestFirst()
                        .withResource(Profile.KIND, null, profile)
                        .withAction(action))
                .items();
    }
}
