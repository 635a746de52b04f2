package dev.notebooks.platform.kube.runtime;

import com.google.gson.JsonArray;
import com.google.gson.JsonElement;
import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceType;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.status.Conditions;
import dev.notebooks.platform.kube.status.StatusWriter;
import io.kubernetes.client.common.KubernetesObject;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1Condition;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.inject.Singleton;
import java.net.HttpURLConnection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What a failed reconcile pass leaves behind besides a log line, as Strimzi and JOSDK do: {@code Ready=False} with the
 * failure's reason and message in the resource's status (written only when it differs), a Warning Event, and the
 * counter {@value #METRIC} tagged with the reconciler. Recording never throws: the pass is retried either way.
 */
@Singleton
public class FailedPasses {

    public static final String METRIC = "reconcile.failures";

    private static final Logger LOG = LoggerFactory.getLogger(FailedPasses.class);

    private final StatusWriter statusWriter;
    private final EventRecorder events;
    private final Optional<MeterRegistry> meters;

    public FailedPasses(StatusWriter statusWriter, EventRecorder events, Optional<MeterRegistry> meters) {
        this.statusWriter = statusWriter;
        this.events = events;
        this.meters = meters;
    }

    /** @return the Ready condition a pass that failed with this error gets */
    public static V1Condition condition(Exception error, Long observedGeneration) {
        if (error instanceof ApiException api) {
            return Conditions.notReady(
                    reason(api), "the Kubernetes API answered " + ApiErrors.describe(api), observedGeneration);
        }
        return Conditions.fromError(error, observedGeneration);
    }

    <T extends KubernetesObject> void record(String reconciler, ResourceType<T> type, T resource, Exception error) {
        meters.ifPresent(
                registry -> registry.counter(METRIC, "reconciler", reconciler).increment());
        V1Condition failed = condition(error, resource.getMetadata().getGeneration());
        try {
            statusWriter.write(type, resource, statusWith(resource, failed));
        } catch (ApiException | RuntimeException e) {
            LOG.warn("{}: the failure could not be written to status: {}", reconciler, e.toString());
        }
        events.warning(type, resource, failed.getReason(), failed.getMessage());
    }

    // the resource's status as it is, with only its Ready condition replaced: every status class has conditions.
    // The others stay JSON as they are: a Notebook's carry Kubeflow's lastProbeTime, which V1Condition refuses
    static JsonObject statusWith(KubernetesObject resource, V1Condition ready) {
        JsonElement current = KubeJson.tree(resource).get("status");
        JsonObject status = current != null && current.isJsonObject()
                ? current.getAsJsonObject().deepCopy()
                : new JsonObject();
        JsonArray before = status.has("conditions") && status.get("conditions").isJsonArray()
                ? status.getAsJsonArray("conditions")
                : new JsonArray();
        JsonArray written = new JsonArray();
        boolean placed = false;
        for (JsonElement condition : before) {
            if (!ready.getType().equals(member(condition, "type"))) {
                written.add(condition);
            } else if (!placed) {
                written.add(replacing(condition, ready));
                placed = true;
            }
        }
        if (!placed) {
            written.add(replacing(null, ready));
        }
        status.add("conditions", written);
        return status;
    }

    // the transition time stays while the status does, as Conditions.set keeps it
    private static JsonElement replacing(JsonElement old, V1Condition next) {
        JsonObject replaced =
                KubeJson.element(Conditions.set(List.of(), next).get(0)).getAsJsonObject();
        String oldTime = member(old, "lastTransitionTime");
        if (oldTime != null && Objects.equals(member(old, "status"), next.getStatus())) {
            replaced.addProperty("lastTransitionTime", oldTime);
        }
        return replaced;
    }

    private static String member(JsonElement condition, String name) {
        return condition != null
                        && condition.isJsonObject()
                        && condition.getAsJsonObject().has(name)
                        && condition.getAsJsonObject().get(name).isJsonPrimitive()
                ? condition.getAsJsonObject().get(name).getAsString()
                : null;
    }

    private static String reason(ApiException error) {
        return switch (error.getCode()) {
            case HttpURLConnection.HTTP_FORBIDDEN -> "Forbidden";
            case 422 -> "Invalid";
            case 0 -> "ApiUnreachable";
            default -> "ApiError";
        };
    }
}
