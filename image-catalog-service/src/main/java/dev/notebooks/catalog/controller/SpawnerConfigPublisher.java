package dev.notebooks.catalog.controller;

import com.google.gson.JsonObject;
import dev.notebooks.catalog.CatalogSettings;
import dev.notebooks.catalog.domain.CatalogChanged;
import dev.notebooks.catalog.domain.SpawnerFormDefaults;
import dev.notebooks.catalog.service.CatalogService;
import dev.notebooks.catalog.store.CatalogJson;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.kube.events.EventRecorder;
import dev.notebooks.platform.kube.meta.Labels;
import dev.notebooks.platform.kube.runtime.Projection;
import dev.notebooks.platform.kube.runtime.ProjectionTarget;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1ConfigMap;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import io.micronaut.transaction.annotation.TransactionalEventListener;
import jakarta.inject.Singleton;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Keeps the spawner ConfigMap ({@code jupyter-web-app-config} in {@code kubeflow}, key {@code spawner_ui_config.yaml}
 * by default) in line with the catalog, as a {@link Projection}: right after every committed catalog change, at once
 * after any edit of the ConfigMap (its informer watches it), when this replica starts leading, and every resync period
 * (for a change committed on another replica). A hand edit of the images is adopted as catalog changes by the editor's field manager
 * ({@link HandEditAdoption}; {@code catalog.configmap-edits: adopt}, the default), and what the catalog's rules refuse
 * is put back with a Warning Event saying why; with {@code revert}, every hand edit is put back. Only the catalog's keys of {@code spawnerFormDefaults} are written, and only
 * when they differ; the rest of the YAML stays as the administrator set it.
 *
 * <p>The ConfigMap carries a fingerprint of the catalog part last written: a ConfigMap whose catalog part no longer
 * matches it was edited by hand, and putting it back is audited ({@value #DRIFT_ACTION}) and reported as a Kubernetes
 * Warning event. Beside the YAML, {@value ImageFacts#KEY} carries every image with its deprecation and check for
 * notebook-service's admission ({@link ImageFacts}); it is derived, so any edit of it is simply rewritten. Only the
 * leader publishes (and reports drift).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class SpawnerConfigPublisher extends Projection {

    static final String FINGERPRINT_ANNOTATION = "catalog.notebooks.dev/published-fingerprint";
    static final String DRIFT_ACTION = "spawner-config.drift-corrected";
    static final String DRIFT_REASON = "DriftCorrected";
    static final String UNPARSEABLE_ACTION = "spawner-config.unparseable";
    static final String UNPARSEABLE_REASON = "SpawnerConfigUnparseable";
    static final String PART_OF = "kubeflow";
    static final String UNKNOWN_EDITOR = "unknown";

    private static final Logger LOG = LoggerFactory.getLogger(SpawnerConfigPublisher.class);

    private final CatalogService catalog;
    private final CatalogSettings settings;
    private final ResourceClient client;
    private final EventRecorder events;
    private final AuditLog auditLog;
    private final String service;
    private volatile String unparseable;
    private String reportedUnparseableVersion;

    SpawnerConfigPublisher(
            CatalogService catalog,
            CatalogSettings settings,
            ResourceClient client,
            EventRecorder events,
            AuditLog auditLog,
            KubeConfiguration kube) {
        super(
                "spawner-config-publisher",
                ProjectionTarget.object(
                        ResourceTypes.CONFIG_MAP, settings.getConfigMapNamespace(), settings.getConfigMapName()),
                settings.getResyncPeriod());
        this.catalog = catalog;
        this.settings = settings;
        this.client = client;
        this.events = events;
        this.auditLog = auditLog;
        this.service = kube.getFieldManager();
    }

    @TransactionalEventListener(TransactionalEventListener.TransactionPhase.AFTER_COMMIT)
    void onCatalogChanged(CatalogChanged change) {
        request();
    }

    /** Writes the catalog's part of the spawner YAML if it differs from the ConfigMap's; creates the ConfigMap. */
    @Override
    protected void project() throws ApiException {
        SpawnerFormDefaults desired = catalog.spawnerConfig();
        String namespace = settings.getConfigMapNamespace();
        String name = settings.getConfigMapName();
        Optional<V1ConfigMap> found = client.get(ResourceTypes.CONFIG_MAP, namespace, name);
        String facts = ImageFacts.text(catalog.list(null, null, true), settings.getAllowedRegistries());
        if (found.isEmpty()) {
            client.create(ResourceTypes.CONFIG_MAP, created(desired, facts));
            LOG.info("Spawner ConfigMap {}/{} created", namespace, name);
            return;
        }
        V1ConfigMap actual = found.get();
        Map<String, String> data = actual.getData() == null ? Map.of() : actual.getData();
        Optional<SpawnerYaml> parsed = SpawnerYaml.parse(data.get(settings.getConfigMapKey()));
        if (parsed.isEmpty()) {
            leaveUnparseable(actual);
            return;
        }
        unparseable = null;
        SpawnerYaml yaml = parsed.get();
        Map<String, Object> actualPart = yaml.catalogPart();
        if (actualPart.equals(desired.asMap())) {
            if (!facts.equals(data.get(ImageFacts.KEY))) {
                client.mergePatch(
                        ResourceTypes.CONFIG_MAP,
                        namespace,
                        name,
                        MergePatchBuilder.atResourceVersion(actual.getMetadata().getResourceVersion())
                                .put("data", ImageFacts.KEY, facts)
                                .build());
            }
            return;
        }
        String published = annotations(actual).get(FINGERPRINT_ANNOTATION);
        boolean handEdited = published != null && !published.equals(SpawnerYaml.fingerprint(actualPart));
        List<String> refused = List.of();
        if (handEdited && settings.getConfigmapEdits() == CatalogSettings.ConfigMapEdits.ADOPT) {
            Actor editor = Actor.kubectl(editorOf(actual));
            refused = HandEditAdoption.adopt(catalog, actualPart, desired, editor);
            desired = catalog.spawnerConfig();
            LOG.info(
                    "Spawner ConfigMap {}/{} edited by {}: adopted into the catalog{}",
                    namespace,
                    name,
                    editor.user(),
                    refused.isEmpty() ? "" : " except " + refused);
        }
        // after an adoption, the catalog's order (default first) and the fingerprint of what is now published
        client.mergePatch(
                ResourceTypes.CONFIG_MAP, namespace, name, patch(actual, yaml.withCatalog(desired), desired, facts));
        if (handEdited && settings.getConfigmapEdits() == CatalogSettings.ConfigMapEdits.REVERT) {
            driftCorrected(actual, actualPart, desired, List.of("configured: catalog.configmap-edits=revert"));
        } else if (!refused.isEmpty()) {
            driftCorrected(actual, actualPart, desired, refused);
        }
        LOG.info("Spawner ConfigMap {}/{} updated{}", namespace, name, handEdited ? " after a hand edit" : "");
    }

    /** @return the field manager that last wrote the ConfigMap's data, other than this service */
    private String editorOf(V1ConfigMap configMap) {
        List<V1ManagedFieldsEntry> entries = configMap.getMetadata().getManagedFields();
        return entries == null
                ? UNKNOWN_EDITOR
                : entries.stream()
                        .filter(entry -> entry.getManager() != null
                                && !entry.getManager().equals(service))
                        .filter(entry -> String.valueOf(entry.getFieldsV1()).contains("f:data"))
                        .max(Comparator.comparing(
                                V1ManagedFieldsEntry::getTime,
                                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder())))
                        .map(V1ManagedFieldsEntry::getManager)
                        .orElse(UNKNOWN_EDITOR);
    }

    private V1ConfigMap created(SpawnerFormDefaults desired, String facts) {
        return new V1ConfigMap()
                .metadata(new V1ObjectMeta()
                        .namespace(settings.getConfigMapNamespace())
                        .name(settings.getConfigMapName())
                        .labels(Labels.managedBy(service, PART_OF))
                        .annotations(Map.of(FINGERPRINT_ANNOTATION, SpawnerYaml.fingerprint(desired.asMap()))))
                .data(Map.of(
                        settings.getConfigMapKey(),
                        SpawnerYaml.empty().withCatalog(desired).text(),
                        ImageFacts.KEY,
                        facts));
    }

    // the resourceVersion makes the write fail (409) if the ConfigMap changed since it was read
    private JsonObject patch(V1ConfigMap actual, SpawnerYaml yaml, SpawnerFormDefaults desired, String facts) {
        return MergePatchBuilder.atResourceVersion(actual.getMetadata().getResourceVersion())
                .put("metadata.annotations", FINGERPRINT_ANNOTATION, SpawnerYaml.fingerprint(desired.asMap()))
                .put("data", settings.getConfigMapKey(), yaml.text())
                .put("data", ImageFacts.KEY, facts)
                .build();
    }

    /** @param why what could not stay as edited, and why */
    private void driftCorrected(
            V1ConfigMap configMap, Map<String, Object> found, SpawnerFormDefaults desired, List<String> why) {
        V1ObjectMeta metadata = configMap.getMetadata();
        String reasons = String.join("; ", why);
        auditLog.record(AuditRecord.allowed(DRIFT_ACTION)
                .actor(service, "controller")
                .resource("ConfigMap", metadata.getNamespace(), metadata.getName())
                .reason("the catalog's images were edited in the ConfigMap by hand; put back: " + reasons)
                .before(CatalogJson.write(found))
                .after(CatalogJson.write(desired.asMap()))
                .build());
        events.warning(
                ResourceTypes.CONFIG_MAP,
                configMap,
                DRIFT_REASON,
                "A hand edit of the image catalog's part of " + settings.getConfigMapKey() + " was put back: "
                        + reasons);
    }

    /** @return why the ConfigMap is left as it is, while its YAML does not parse; empty otherwise */
    public Optional<String> unparseable() {
        return Optional.ofNullable(unparseable);
    }

    // what cannot be parsed is never overwritten: the administrator's other settings are in it
    private void leaveUnparseable(V1ConfigMap configMap) {
        V1ObjectMeta metadata = configMap.getMetadata();
        unparseable = metadata.getNamespace() + "/" + metadata.getName() + ": " + settings.getConfigMapKey()
                + " is not a YAML mapping; the catalog is not published until it parses";
        if (metadata.getResourceVersion().equals(reportedUnparseableVersion)) {
            return;
        }
        reportedUnparseableVersion = metadata.getResourceVersion();
        LOG.warn("Spawner ConfigMap {}", unparseable);
        auditLog.record(AuditRecord.failed(UNPARSEABLE_ACTION, unparseable)
                .actor(service, "controller")
                .resource("ConfigMap", metadata.getNamespace(), metadata.getName())
                .build());
        events.warning(ResourceTypes.CONFIG_MAP, configMap, UNPARSEABLE_REASON, unparseable);
    }

    private static Map<String, String> annotations(V1ConfigMap configMap) {
        Map<String, String> annotations = configMap.getMetadata().getAnnotations();
        return annotations == null ? Map.of() : annotations;
    }
}
