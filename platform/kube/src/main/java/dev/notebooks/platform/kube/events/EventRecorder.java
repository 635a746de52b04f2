package dev.notebooks.platform.kube.events;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.ResourceTypes;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1EventSource;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1ObjectReference;
import jakarta.inject.Singleton;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Records Kubernetes Events (core/v1) on the object they are about, as {@code kubectl describe} shows them, with the
 * service as source component. {@link #normal}, {@link #warning} and {@link #record} write what happened (a change
 * applied, a condition that changed): the caller calls them once per happening. {@link #warnOnce} is for what a pass
 * finds in an object's spec and would find again on every pass: it is written once per version of the spec. Recording
 * never fails a reconcile: a failed write is logged (a finding is tried again on the next pass).
 */
@Singleton
public class EventRecorder {

    public static final String NORMAL = "Normal";
    public static final String WARNING = "Warning";

    /** Where Kubernetes puts events about cluster-scoped objects. */
    static final String CLUSTER_EVENTS_NAMESPACE = "default";

    private static final Logger LOG = LoggerFactory.getLogger(EventRecorder.class);
    private static final int REMEMBERED_EVENTS = 4096;

    private final ResourceClient client;
    private final String component;
    private final RecentEvents recent = new RecentEvents(REMEMBERED_EVENTS);

    public EventRecorder(ResourceClient client, KubeConfiguration configuration) {
        this.client = client;
        this.component = configuration.getFieldManager();
    }

    public <T extends KubernetesObject> boolean normal(
            ResourceType<T> type, T regarding, String reason, String message) {
        return record(type, regarding, NORMAL, reason, message);
    }

    public <T extends KubernetesObject> boolean warning(
            ResourceType<T> type, T regarding, String reason, String message) {
        return record(type, regarding, WARNING, reason, message);
    }

    /**
     * A Warning about what this version of the object's spec is (an unknown plugin kind, a PodDefault that cannot
     * apply), said once however many passes find it; a new spec version says it again.
     *
     * @return whether an event was written (false when already said, or for a failed write)
     */
    public <T extends KubernetesObject> boolean warnOnce(
            ResourceType<T> type, T regarding, String reason, String message) {
        V1ObjectMeta metadata = regarding.getMetadata();
        // a ConfigMap has no generation: each of its versions is a spec
        String version = metadata.getUid() + "/"
                + (metadata.getGeneration() != null ? metadata.getGeneration() : metadata.getResourceVersion());
        if (!recent.remember(version, reason, message)) {
            return false;
        }
        boolean written = record(type, regarding, WARNING, reason, message);
        if (!written) {
            recent.forget(version, reason, message);
        }
        return written;
    }

    /** @return whether the event was written (false for a failed write) */
    public <T extends KubernetesObject> boolean record(
            ResourceType<T> type, T regarding, String eventType, String reason, String message) {
        V1ObjectMeta metadata = regarding.getMetadata();
        try {
            client.create(ResourceTypes.EVENT, event(type, regarding, eventType, reason, message, Instant.now()));
            return true;
        } catch (ApiException e) {
            LOG.warn(
                    "{} {}: event {} not recorded, HTTP {}",
                    type.kind(),
                    type.key(metadata.getNamespace(), metadata.getName()),
                    reason,
                    e.getCode());
            return false;
        }
    }

    CoreV1Event event(
            ResourceType<?> type,
            KubernetesObject regarding,
            String eventType,
            String reason,
            String message,
            Instant now) {
        V1ObjectMeta about = regarding.getMetadata();
        String namespace = type.namespaced() ? about.getNamespace() : CLUSTER_EVENTS_NAMESPACE;
        OffsetDateTime time = OffsetDateTime.ofInstant(now.truncatedTo(ChronoUnit.SECONDS), ZoneOffset.UTC);
        long nanos = now.getEpochSecond() * 1_000_000_000L + now.getNano();
        return new CoreV1Event()
                .apiVersion("v1")
                .kind("Event")
                // the name kubectl and client-go give events: the object's name and the time in hex nanoseconds
                .metadata(new V1ObjectMeta()
                        .name(about.getName() + "." + Long.toHexString(nanos))
                        .namespace(namespace))
                .involvedObject(new V1ObjectReference()
                        .apiVersion(type.apiVersion())
                        .kind(type.kind())
                        .namespace(type.namespaced() ? about.getNamespace() : null)
                        .name(about.getName())
                        .uid(about.getUid())
                        .resourceVersion(about.getResourceVersion()))
                .type(eventType)
                .reason(reason)
                .message(message)
                .source(new V1EventSource().component(component))
                .reportingComponent(component)
                .firstTimestamp(time)
                .lastTimestamp(time)
                .count(1);
    }
}
