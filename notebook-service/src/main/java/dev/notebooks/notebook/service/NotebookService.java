package dev.notebooks.notebook.service;

import static dev.notebooks.notebook.domain.NotebookResources.NOTEBOOKS;

import com.google.gson.JsonNull;
import com.google.gson.JsonObject;
import dev.notebooks.notebook.domain.Notebook;
import dev.notebooks.notebook.domain.NotebookAnnotations;
import dev.notebooks.notebook.domain.Validated;
import dev.notebooks.notebook.domain.Violation;
import dev.notebooks.notebook.domain.images.ImageCheckView;
import dev.notebooks.notebook.domain.poddefault.PodDefault;
import dev.notebooks.notebook.domain.quota.QuotaCheck;
import dev.notebooks.notebook.domain.quota.ResourceDemand;
import dev.notebooks.notebook.domain.spawner.NewNotebook;
import dev.notebooks.notebook.domain.spawner.NotebookEdits;
import dev.notebooks.notebook.domain.spawner.NotebookForm;
import dev.notebooks.notebook.domain.spawner.NotebookForms;
import dev.notebooks.notebook.domain.spawner.NotebookPatch;
import dev.notebooks.notebook.domain.spawner.SpawnerConfig;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.ApiProblems;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.JSON;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Status;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import org.zalando.problem.ThrowableProblem;

/**
 * The spawner API's use cases: JWA's list, get, create, stop/start and delete, and editing a notebook after it was
 * created. Reads come from the informer caches; every write and refusal is audited (refusals by the
 * {@link Authorizer}).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class NotebookService {

    public static final String KIND = Notebook.KIND;
    public static final String READ = "notebook.read";
    public static final String CREATE = "notebook.create";
    public static final String STOP = "notebook.stop";
    public static final String START = "notebook.start";
    public static final String EDIT = "notebook.edit";
    public static final String DELETE = "notebook.delete";
    public static final String OVERRIDE_IMAGE_CHECK = "notebook.override-image-check";

    private final ResourceClient client;
    private final NotebookCaches caches;
    private final SpawnerConfigs configs;
    private final Authorizer authorizer;
    private final AuditLog auditLog;
    private final Clock clock;
    private final NotebookForms forms;
    private final NotebookEdits edits;

    NotebookService(
            ResourceClient client,
            NotebookCaches caches,
            SpawnerConfigs configs,
            Authorizer authorizer,
            AuditLog auditLog) {
        this.client = client;
        this.caches = caches;
        this.configs = configs;
        this.authorizer = authorizer;
        this.auditLog = auditLog;
        this.clock = Clock.systemUTC();
        SecureRandom random = new SecureRandom();
        this.forms = new NotebookForms(random);
        this.edits = new NotebookEdits(random);
    }

    /**
     * Authorization before validation: the API calls this before it reads the body.
     *
     * @throws org.zalando.problem.ThrowableProblem 403 (audited) when the caller's role is weaker than {@code minimum}
     */
    public ProfileRole require(Caller caller, String namespace, ProfileRole minimum, String action, String name) {
        return authorizer.require(caller, namespace, minimum, action, KIND, name);
    }

    /** JWA's {@code spawnerFormDefaults}, plus {@code imageChecks}: the catalog's check of each image it offers. */
    public Map<String, Object> spawnerDefaults() {
        SpawnerConfigs.Spawner spawner = configs.snapshot();
        Map<String, Object> defaults = new LinkedHashMap<>(spawner.raw());
        Map<String, Object> checks = new java.util.TreeMap<>();
        spawner.images().byReference().values().stream()
                .filter(image -> !image.deprecated())
                .forEach(image -> checks.put(
                        image.image(), ImageCheckView.ofCatalog(image, null).asMap()));
        defaults.put("imageChecks", checks);
        return defaults;
    }

    public SpawnerConfig spawnerConfig() {
        return configs.config();
    }

    /** JWA's list: one item per notebook, phases from the caches (no call per notebook). */
    public List<Map<String, Object>> list(Caller caller, String namespace) {
        require(caller, namespace, ProfileRole.VIEW, READ, null);
        caches.requireSynced();
        SpawnerConfigs.Spawner spawner = configs.snapshot();
        SpawnerConfig config = spawner.config();
        Map<String, List<io.kubernetes.client.openapi.models.CoreV1Event>> events = caches.events(namespace).stream()
                .filter(event -> event.getInvolvedObject() != null
                        && KIND.equals(event.getInvolvedObject().getKind())
                        && event.getInvolvedObject().getName() != null)
                .collect(
                        Collectors.groupingBy(event -> event.getInvolvedObject().getName()));
        Instant now = clock.instant();
        return caches.notebooks(namespace).stream()
                .sorted(Comparator.comparing(Notebook::name))
                .map(notebook -> NotebookItems.item(
                        notebook, events.getOrDefault(notebook.name(), List.of()), config, spawner.images(), now))
                .toList();
    }

    /** JWA's get: the Notebook as Kubernetes has it plus {@code processed_status}. */
    public Map<String, Object> get(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.VIEW, READ, name);
        caches.requireSynced();
        Notebook notebook = cached(namespace, name);
        Map<String, Object> raw = new LinkedHashMap<>(NotebookItems.raw(notebook));
        raw.put(
                "imageCheck",
                NotebookItems.imageCheck(notebook, configs.snapshot().images()));
        raw.put(
                "processed_status",
                NotebookItems.status(
                        notebook, NotebookItems.about(notebook, caches.events(namespace)), clock.instant()));
        return raw;
    }

    public Notebook cached(String namespace, String name) {
        return caches.notebook(namespace, name).orElseThrow(() -> notFound(namespace, name));
    }

    /**
     * JWA's create: the form through the spawner configuration, the namespace's quota checked before anything is
     * written, the new PVCs created first and removed again when the Notebook cannot be.
     */
    public Notebook create(Caller caller, String namespace, NotebookForm form, boolean overrideCheck) {
        require(caller, namespace, ProfileRole.EDIT, CREATE, form.name());
        if (overrideCheck) {
            authorizer.requireClusterAdmin(caller, OVERRIDE_IMAGE_CHECK, KIND, form.name());
        }
        caches.requireSynced();
        SpawnerConfigs.Spawner spawner = configs.snapshot();
        NotebookForm withImage = ImageChoice.withServerTypeDefault(form, spawner.config(), spawner.images());
        NewNotebook created = valid(forms.create(namespace, caller.user(), withImage, spawner.config()));
        ImageChoice.admit(spawner.images(), created.notebook(), ImageChoice.field(form), overrideCheck, caller.user());
        String name = created.notebook().name();
        if (caches.notebook(namespace, name).isPresent() || exists(namespace, name)) {
            throw ApiProblems.conflict("name", "a notebook named " + name + " already exists in " + namespace);
        }
        for (V1PersistentVolumeClaim claim : created.claims()) {
            if (caches.claims(namespace).stream().anyMatch(existing -> existing.getMetadata()
                    .getName()
                    .equals(claim.getMetadata().getName()))) {
                throw ApiProblems.conflict(
                        volumeField(form),
                        "a volume named " + claim.getMetadata().getName() + " already exists");
            }
        }
        ResourceDemand demand =
                ResourceDemand.pod(created.notebook().podSpec()).plus(ResourceDemand.claims(created.claims()));
        throwIfAny(QuotaCheck.check(quotas(namespace), demand, volumeField(form)));

        List<V1PersistentVolumeClaim> made = createClaims(namespace, created.claims());
        Notebook written;
        try {
            written = client.create(NOTEBOOKS, created.notebook());
        } catch (ApiException e) {
            removeClaims(namespace, made);
            throw refused(e, "Creating notebook " + name);
        } catch (RuntimeException e) {
            removeClaims(namespace, made);
            throw e;
        }
        auditLog.record(audit(caller, AuditRecord.allowed(CREATE), namespace, name)
                .after(summary(written))
                .build());
        return written;
    }

    /** Stops ({@code true}) or starts ({@code false}) as JWA does, by the stop annotation; 409 when already so. */
    public void setStopped(Caller caller, String namespace, String name, boolean stopped) {
        String action = stopped ? STOP : START;
        require(caller, namespace, ProfileRole.EDIT, action, name);
        caches.requireSynced();
        Notebook current = read(namespace, name);
        if (current.isStopped() == stopped) {
            throw ApiProblems.conflict(
                    "stopped", "notebook " + name + " is already " + (stopped ? "stopped" : "running"));
        }
        JsonObject annotations = new JsonObject();
        if (stopped) {
            annotations.addProperty(
                    NotebookAnnotations.STOPPED,
                    clock.instant().truncatedTo(ChronoUnit.SECONDS).toString());
        } else {
            annotations.add(NotebookAnnotations.STOPPED, JsonNull.INSTANCE);
        }
        // the reconciler announces the change with this user as its actor
        annotations.addProperty(NotebookAnnotations.UPDATED_BY, caller.user());
        Notebook patched = patch(namespace, name, current, annotations, null, "Updating notebook " + name);
        auditLog.record(audit(caller, AuditRecord.allowed(action), namespace, name)
                .before(summary(current))
                .after(summary(patched))
                .build());
    }

    /**
     * Edits a notebook after creation, validated as a create (quota included: what the edit adds beyond what the
     * notebook already holds). A running notebook restarts with the change; a stopped one starts with it.
     */
    public Notebook edit(Caller caller, String namespace, String name, NotebookPatch edit, boolean overrideCheck) {
        require(caller, namespace, ProfileRole.EDIT, EDIT, name);
        if (overrideCheck) {
            authorizer.requireClusterAdmin(caller, OVERRIDE_IMAGE_CHECK, KIND, name);
        }
        caches.requireSynced();
        for (int attempt = 1; ; attempt++) {
            try {
                return editOnce(caller, namespace, name, edit, overrideCheck);
            } catch (ConcurrentChange e) {
                if (attempt == 5) {
                    throw ApiProblems.conflict("Notebook " + name + " kept changing while it was edited; try again.");
                }
            }
        }
    }

    /** The notebook changed between its read and the edit's write. */
    private static final class ConcurrentChange extends RuntimeException {
        ConcurrentChange() {
            super(null, null, false, false);
        }
    }

    private Notebook editOnce(Caller caller, String namespace, String name, NotebookPatch edit, boolean overrideCheck) {
        Notebook current = read(namespace, name);
        List<String> labels = caches.podDefaults(namespace).stream()
                .map(PodDefault::configurationLabel)
                .flatMap(Optional::stream)
                .toList();
        SpawnerConfigs.Spawner spawner = configs.snapshot();
        NewNotebook edited = valid(edits.edit(current, edit, spawner.config(), labels));
        // an image the notebook already runs stays allowed, deprecated or not: only a change of image is checked
        if (ImageChoice.changesImage(current, edited.notebook()) || overrideCheck) {
            ImageChoice.admit(
                    spawner.images(), edited.notebook(), ImageChoice.field(edit), overrideCheck, caller.user());
        }
        ResourceDemand before = current.isStopped() ? ResourceDemand.none() : ResourceDemand.pod(current.podSpec());
        ResourceDemand demand = ResourceDemand.pod(edited.notebook().podSpec())
                .minus(before)
                .plus(ResourceDemand.claims(edited.claims()));
        throwIfAny(QuotaCheck.check(quotas(namespace), demand, "datavols"));

        List<V1PersistentVolumeClaim> made = createClaims(namespace, edited.claims());
        JsonObject metadataChanges = new JsonObject();
        Map<String, String> labelsAfter = edited.notebook().labels();
        JsonObject labelPatch = new JsonObject();
        current.labels().keySet().stream()
                .filter(key -> !labelsAfter.containsKey(key))
                .forEach(key -> labelPatch.add(key, JsonNull.INSTANCE));
        labelsAfter.forEach(labelPatch::addProperty);
        metadataChanges.add("labels", labelPatch);
        JsonObject annotations = new JsonObject();
        if (current.isStopped()) {
            annotations.add(NotebookAnnotations.STOPPED, JsonNull.INSTANCE);
        }
        annotations.addProperty(NotebookAnnotations.UPDATED_BY, caller.user());
        String overriddenBy = edited.notebook()
                .annotation(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY)
                .orElse(null);
        if (ImageChoice.changesImage(current, edited.notebook())
                && !java.util.Objects.equals(
                        overriddenBy,
                        current.annotation(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY)
                                .orElse(null))) {
            if (overriddenBy == null) {
                annotations.add(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY, JsonNull.INSTANCE);
            } else {
                annotations.addProperty(NotebookAnnotations.IMAGE_CHECK_OVERRIDDEN_BY, overriddenBy);
            }
        }
        Notebook patched;
        try {
            patched = patch(namespace, name, current, annotations, edited.notebook(), "Editing notebook " + name);
            // labels with the annotations
            if (!labelPatch.entrySet().isEmpty()) {
                JsonObject patchBody = new JsonObject();
                patchBody.add("metadata", metadataChanges);
                patched = client.mergePatch(NOTEBOOKS, namespace, name, patchBody);
            }
        } catch (ApiException e) {
            removeClaims(namespace, made);
            throw refused(e, "Editing notebook " + name);
        } catch (RuntimeException e) {
            removeClaims(namespace, made);
            throw e;
        }
        auditLog.record(audit(caller, AuditRecord.allowed(EDIT), namespace, name)
                .before(summary(current))
                .after(summary(patched))
                .build());
        return patched;
    }

    /** Deletes the notebook; its StatefulSet, Service and pod go with it (its volumes stay, as in JWA). */
    public void delete(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.EDIT, DELETE, name);
        Notebook current = read(namespace, name);
        try {
            if (!client.delete(NOTEBOOKS, namespace, name)) {
                throw notFound(namespace, name);
            }
        } catch (ApiException e) {
            throw refused(e, "Deleting notebook " + name);
        }
        auditLog.record(audit(caller, AuditRecord.allowed(DELETE), namespace, name)
                .before(summary(current))
                .build());
    }

    private Notebook read(String namespace, String name) {
        try {
            return client.get(NOTEBOOKS, namespace, name).orElseThrow(() -> notFound(namespace, name));
        } catch (ApiException e) {
            throw refused(e, "Reading notebook " + name);
        }
    }

    private boolean exists(String namespace, String name) {
        try {
            return client.get(NOTEBOOKS, namespace, name).isPresent();
        } catch (ApiException e) {
            throw refused(e, "Reading notebook " + name);
        }
    }

    private Notebook patch(
            String namespace, String name, Notebook current, JsonObject annotations, Notebook spec, String attempt) {
        JsonObject body = new JsonObject();
        JsonObject metadata = new JsonObject();
        if (spec != null) {
            // an edit is computed from what it read: a change meanwhile (a status write too) is a conflict, retried
            metadata.addProperty("resourceVersion", current.getMetadata().getResourceVersion());
        }
        if (!annotations.entrySet().isEmpty()) {
            metadata.add("annotations", annotations);
        }
        body.add("metadata", metadata);
        if (spec != null) {
            body.add("spec", KubeJson.tree(spec).get("spec"));
        }
        try {
            return client.mergePatch(NOTEBOOKS, namespace, name, body);
        } catch (ApiException e) {
            if (e.getCode() == 409 && spec != null) {
                throw new ConcurrentChange();
            }
            throw refused(e, attempt);
        }
    }

    private List<QuotaCheck.Quota> quotas(String namespace) {
        return caches.quotas(namespace).stream()
                .map(quota -> new QuotaCheck.Quota(
                        quota.getMetadata().getName(),
                        quota.getSpec() == null ? Map.of() : quota.getSpec().getHard(),
                        quota.getStatus() == null ? null : quota.getStatus().getUsed()))
                .toList();
    }

    private List<V1PersistentVolumeClaim> createClaims(String namespace, List<V1PersistentVolumeClaim> claims) {
        List<V1PersistentVolumeClaim> made = new ArrayList<>();
        for (V1PersistentVolumeClaim claim : claims) {
            claim.getMetadata().setNamespace(namespace);
            try {
                made.add(client.create(ResourceTypes.PERSISTENT_VOLUME_CLAIM, claim));
            } catch (ApiException e) {
                removeClaims(namespace, made);
                throw refused(e, "Creating volume " + claim.getMetadata().getName());
            }
        }
        return made;
    }

    private void removeClaims(String namespace, List<V1PersistentVolumeClaim> claims) {
        for (V1PersistentVolumeClaim claim : claims) {
            try {
                client.delete(
                        ResourceTypes.PERSISTENT_VOLUME_CLAIM,
                        namespace,
                        claim.getMetadata().getName());
            } catch (ApiException e) {
                // the create's own failure is what the caller needs; the claim is named in the log
                org.slf4j.LoggerFactory.getLogger(NotebookService.class)
                        .warn(
                                "Could not remove volume {}/{}: HTTP {}",
                                namespace,
                                claim.getMetadata().getName(),
                                e.getCode());
            }
        }
    }

    private static <T> T valid(Validated<T> validated) {
        throwIfAny(validated.violations());
        return validated.value();
    }

    private static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblems.invalid(violations.stream()
                    .map(v -> new io.micronaut.problem.violations.Violation(v.field(), v.message()))
                    .toList());
        }
    }

    private static String volumeField(NotebookForm form) {
        return form.datavols() != null && form.datavols().stream().anyMatch(v -> v != null && v.newPvc() != null)
                ? "datavols"
                : "workspace";
    }

    private static String summary(Notebook notebook) {
        Map<String, Object> summary = new LinkedHashMap<>();
        notebook.serverContainer().ifPresent(server -> {
            summary.put("image", server.getImage());
            summary.put("resources", server.getResources());
        });
        summary.put("stopped", notebook.isStopped());
        return KubeJson.gson().toJson(summary);
    }

    static ThrowableProblem notFound(String namespace, String name) {
        return ApiProblems.notFound("There is no notebook " + name + " in " + namespace + ".");
    }

    /** A write the API server refused: its message, as a problem of the matching status. */
    static ThrowableProblem refused(ApiException e, String attempt) {
        String message = message(e);
        return switch (e.getCode()) {
            case 404 -> ApiProblems.notFound(attempt + " failed: " + message);
            case 409 -> ApiProblems.conflict(attempt + " failed: " + message);
            case 400, 422 -> ApiProblems.invalid("spec", message);
            case 403 -> ApiProblems.invalid("spec", attempt + " was refused: " + message);
            default -> ApiProblems.kubernetesUnavailable(attempt + " failed: " + message);
        };
    }

    static String message(ApiException e) {
        try {
            V1Status status = JSON.deserialize(e.getResponseBody(), V1Status.class);
            if (status != null && status.getMessage() != null) {
                return status.getMessage();
            }
        } catch (RuntimeException notAStatus) {
            // fall through
        }
        return e.getCode() == 0 ? "the Kubernetes API is unreachable" : "HTTP " + e.getCode();
    }

    static AuditRecord.Builder audit(Caller caller, AuditRecord.Builder record, String namespace, String name) {
        return record.actor(caller.user(), caller.remoteAddress()).resource(KIND, namespace, name);
    }
}
