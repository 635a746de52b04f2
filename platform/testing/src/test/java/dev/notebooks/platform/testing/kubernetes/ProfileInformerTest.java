package dev.notebooks.platform.testing.kubernetes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import io.kubernetes.client.custom.V1Patch;
import io.kubernetes.client.informer.ResourceEventHandler;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.kubernetes.client.informer.SharedInformerFactory;
import io.kubernetes.client.openapi.ApiClient;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesApi;
import io.kubernetes.client.util.generic.dynamic.DynamicKubernetesObject;
import io.kubernetes.client.util.generic.dynamic.Dynamics;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;

class ProfileInformerTest {

    private static final Duration WITHIN_A_SECOND = Duration.ofSeconds(1);

    private final ApiClient client = KubernetesFixture.shared().apiClient();
    private final DynamicKubernetesApi profiles = new DynamicKubernetesApi("kubeflow.org", "v1", "profiles", client);
    private final List<String> events = new CopyOnWriteArrayList<>();
    private final ListAppender<ILoggingEvent> clientLog = new ListAppender<>();
    private final Logger clientLogger = (Logger) LoggerFactory.getLogger("io.kubernetes.client");
    private SharedInformerFactory informers;

    @BeforeEach
    void startInformer() {
        clientLog.start();
        clientLogger.addAppender(clientLog);
        informers = new SharedInformerFactory(client);
        SharedIndexInformer<DynamicKubernetesObject> informer =
                informers.sharedIndexInformerFor(profiles, DynamicKubernetesObject.class, 0);
        informer.addEventHandler(new ResourceEventHandler<>() {
            @Override
            public void onAdd(DynamicKubernetesObject profile) {
                events.add("ADDED " + profile.getMetadata().getName());
            }

            @Override
            public void onUpdate(DynamicKubernetesObject before, DynamicKubernetesObject after) {
                events.add("MODIFIED " + after.getMetadata().getName());
            }

            @Override
            public void onDelete(DynamicKubernetesObject profile, boolean finalStateUnknown) {
                events.add("DELETED " + profile.getMetadata().getName());
            }
        });
        informers.startAllRegisteredInformers();
        await().until(informer::hasSynced);
    }

    @AfterEach
    void stopInformer() {
        informers.stopAllRegisteredInformers();
        clientLogger.detachAppender(clientLog);
    }

    @Test
    void informerSeesAProfileAddedModifiedAndDeletedWithinASecondEach() throws Exception {
        String name = "informed-" + UUID.randomUUID().toString().substring(0, 8);

        profiles.create(Dynamics.newFromJson(
                        """
                        {"apiVersion": "kubeflow.org/v1", "kind": "Profile", "metadata": {"name": "%s"},
                         "spec": {"owner": {"kind": "User", "name": "alice@example.com"}}}"""
                                .formatted(name)))
                .throwsApiException();
        await().atMost(WITHIN_A_SECOND).until(() -> events.contains("ADDED " + name));

        profiles.patch(
                        name,
                        V1Patch.PATCH_FORMAT_JSON_MERGE_PATCH,
                        new V1Patch("{\"spec\": {\"owner\": {\"name\": \"bob@example.com\"}}}"))
                .throwsApiException();
        await().atMost(WITHIN_A_SECOND).until(() -> events.contains("MODIFIED " + name));

        profiles.delete(name).throwsApiException();
        await().atMost(WITHIN_A_SECOND).until(() -> events.contains("DELETED " + name));

        // a replayed watch or a re-list would show up as extra events
        assertThat(events.stream().filter(event -> event.endsWith(" " + name)))
                .containsExactly("ADDED " + name, "MODIFIED " + name, "DELETED " + name);
        assertThat(clientLog.list).noneMatch(event -> event.getLevel().isGreaterOrEqual(Level.WARN));
    }
}
