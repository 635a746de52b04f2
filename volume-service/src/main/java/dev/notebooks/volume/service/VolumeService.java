package dev.notebooks.volume.service;

import com.google.gson.JsonObject;
import dev.notebooks.platform.kube.KubeJson;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.web.ApiProblems;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.NewVolume;
import dev.notebooks.volume.domain.Notebook;
import dev.notebooks.volume.domain.Quantities;
import dev.notebooks.volume.domain.QuotaCheck;
import dev.notebooks.volume.domain.ResizeRules;
import dev.notebooks.volume.domain.StorageClassInfo;
import dev.notebooks.volume.domain.Violation;
import dev.notebooks.volume.domain.VolumeAnnotations;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import dev.notebooks.volume.domain.VolumeSnapshotClass;
import dev.notebooks.volume.domain.VolumeStatuses;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zalando.problem.ThrowableProblem;

/**
 * Volumes (PersistentVolumeClaims) of a profile namespace: list with who uses each, create, resize, delete. Reads come
 * from the informer caches; writes go to the API server as kubectl would make them, annotated with the caller so the
 * reconciler announces the change with the right actor. Every write and refusal is audited.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class VolumeService {

    public static final String KIND = "PersistentVolumeClaim";
    public static final String CREATE = "volume.create";
    public static final String READ = "volume.read";
    public static final String RESIZE = "volume.resize";
    public static final String DELETE = "volume.delete";
    public static final String FORCE_DELETE = "volume.force-delete";

    private final ResourceClient client;
    private final VolumeCache cache;
    private final StorageCatalog catalog;
    private final Authorizer authorizer;
    private final AuditLog auditLog;

    VolumeService(
            ResourceClient client,
            VolumeCache cache,
            StorageCatalog catalog,
            Authorizer authorizer,
            AuditLog auditLog) {
        this.client = client;
        this.cache = cache;
        this.catalog = catalog;
        this.authorizer = authorizer;
        this.auditLog = auditLog;
    }

    /**
     * Authorization before validation: the API calls this before it reads the body.
     *
     * @throws org.zalando.problem.ThrowableProblem 403 (audited) when the caller's role is weaker than
     *     {@code minimum}
     */
    public ProfileRole require(Caller caller, String namespace, ProfileRole minimum, String action, String name) {
        return authorizer.require(caller, namespace, minimum, action, KIND, name);
    }

    public List<VolumeItem> list(Caller caller, String namespace) {
        require(caller, namespace, ProfileRole.VIEW, READ, null);
        cache.requireSynced();
        Map<String, StorageClassInfo> classes = catalog.byName();
        Optional<StorageClassInfo> defaultClass =
                classes.values().stream().filter(StorageClassInfo::isDefault).findFirst();
        return cache.claims(namespace).stream()
                .sorted(Comparator.comparing(Claims::name))
                .map(claim -> item(claim, classes, defaultClass))
                .toList();
    }

    public VolumeItem item(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.VIEW, READ, name);
        cache.requireSynced();
        V1PersistentVolumeClaim claim = cache.claim(namespace, name).orElseThrow(() -> notFound(namespace, name));
        Map<String, StorageClassInfo> classes = catalog.byName();
        return item(
                claim,
                classes,
                classes.values().stream().filter(StorageClassInfo::isDefault).findFirst());
    }

    /** The claim as the API server has it now (VWA's {@code pvc}). */
    public V1PersistentVolumeClaim get(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.VIEW, READ, name);
        try {
            return client.get(VolumeResources.CLAIMS, namespace, name).orElseThrow(() -> notFound(namespace, name));
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Reading volume " + name);
        }
    }

    /** Every pod in the namespace that mounts the claim (VWA's {@code pods}). */
    public List<V1Pod> pods(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.VIEW, READ, name);
        cache.requireSynced();
        return cache.podsUsing(namespace, name).stream()
                .sorted(Comparator.comparing(pod -> pod.getMetadata().getName()))
                .toList();
    }

    /** The claim's Events, oldest first (VWA's {@code events}). */
    public List<CoreV1Event> events(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.VIEW, READ, name);
        cache.requireSynced();
        List<CoreV1Event> events = new ArrayList<>(cache.eventsOf(namespace, name));
        events.sort(Comparator.comparing(
                event -> VolumeStatuses.newest(List.of(event))
                        .map(CoreV1Event::getLastTimestamp)
                        .orElse(null),
                Comparator.nullsFirst(Comparator.naturalOrder())));
        return events;
    }

    public V1PersistentVolumeClaim create(Caller caller, String namespace, NewVolume volume) {
        require(caller, namespace, ProfileRole.EDIT, CREATE, volume.name());
        cache.requireSynced();
        if (cache.claim(namespace, volume.name()).isPresent()) {
            throw ApiProblems.conflict("name", "a volume named " + volume.name() + " already exists in " + namespace);
        }
        List<Violation> violations = new ArrayList<>();
        Optional<StorageClassInfo> storageClass = storageClassOf(volume, violations);
        storageClass.ifPresent(info -> {
            if (!info.accessModes().contains(volume.mode())) {
                violations.add(new Violation(
                        "mode",
                        "storage class " + info.name() + " offers "
                                + String.join(", ", dev.notebooks.volume.domain.AccessMode.names(info.accessModes()))
                                + ", not " + volume.mode().kubernetesName()));
            }
        });
        String size =
                volume.snapshot() == null ? volume.size() : restoreSize(namespace, volume, storageClass, violations);
        if (violations.isEmpty() && size != null) {
            String effectiveClass = volume.storageClass().isNone()
                    ? ""
                    : storageClass.map(StorageClassInfo::name).orElse(null);
            violations.addAll(QuotaCheck.check(
                    cache.quotas(namespace),
                    cache.claims(namespace),
                    effectiveClass,
                    Quantities.parse(size).orElse(BigDecimal.ZERO),
                    1,
                    "size",
                    "name"));
        }
        throwIfAny(violations);
        V1PersistentVolumeClaim claim =
                volume.claim(namespace, size, Map.of(VolumeAnnotations.CREATED_BY, caller.user()));
        V1PersistentVolumeClaim created;
        try {
            created = client.create(VolumeResources.CLAIMS, claim);
        } catch (ApiException e) {
            throw refusedWrite(e, namespace, volume.name(), "Creating volume " + volume.name());
        }
        auditLog.record(audit(caller, AuditRecord.allowed(CREATE), namespace, volume.name())
                .after(VolumeSummary.of(created))
                .build());
        return created;
    }

    public VolumeItem resize(Caller caller, String namespace, String name, String size) {
        require(caller, namespace, ProfileRole.EDIT, RESIZE, name);
        cache.requireSynced();
        V1PersistentVolumeClaim current;
        try {
            current = client.get(VolumeResources.CLAIMS, namespace, name).orElseThrow(() -> notFound(namespace, name));
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Reading volume " + name);
        }
        BigDecimal bytes = Quantities.parse(size).orElseThrow();
        Optional<StorageClassInfo> storageClass = catalog.of(Claims.storageClass(current));
        List<Violation> violations = new ArrayList<>();
        ResizeRules.check(current, storageClass, bytes).ifPresent(violations::add);
        if (violations.isEmpty()) {
            violations.addAll(QuotaCheck.check(
                    cache.quotas(namespace),
                    cache.claims(namespace),
                    storageClass.map(StorageClassInfo::name).orElse(null),
                    bytes.subtract(Claims.requestedBytes(current)),
                    0,
                    "size",
                    "size"));
        }
        throwIfAny(violations);
        JsonObject patch = new JsonObject();
        JsonObject metadata = new JsonObject();
        metadata.addProperty("resourceVersion", current.getMetadata().getResourceVersion());
        metadata.add(
                "annotations",
                KubeJson.element(
                        Map.of(VolumeAnnotations.RESIZED_BY, caller.user(), VolumeAnnotations.RESIZED_TO, size)));
        patch.add("metadata", metadata);
        patch.add("spec", KubeJson.element(Map.of("resources", Map.of("requests", Map.of(Claims.STORAGE, size)))));
        V1PersistentVolumeClaim resized;
        try {
            resized = client.mergePatch(VolumeResources.CLAIMS, namespace, name, patch);
        } catch (ApiException e) {
            if (KubernetesErrors.isConflict(e)) {
                throw ApiProblems.conflict("Volume " + name + " changed while it was being resized; try again.");
            }
            throw refusedWrite(e, namespace, name, "Resizing volume " + name);
        }
        auditLog.record(audit(caller, AuditRecord.allowed(RESIZE), namespace, name)
                .before(VolumeSummary.of(current))
                .after(VolumeSummary.of(resized))
                .build());
        Map<String, StorageClassInfo> classes = catalog.byName();
        return item(
                resized,
                classes,
                classes.values().stream().filter(StorageClassInfo::isDefault).findFirst());
    }

    /**
     * Deletes the claim unless a notebook mounts it, running or stopped (409 naming them; VWA checks only pods, so a
     * stopped notebook's workspace could go). {@code force} lets an admin delete it anyway, audited.
     */
    public void delete(Caller caller, String namespace, String name, boolean force) {
        require(caller, namespace, ProfileRole.EDIT, DELETE, name);
        if (force) {
            authorizer.requireClusterAdmin(caller, FORCE_DELETE, KIND, name);
        }
        cache.requireSynced();
        V1PersistentVolumeClaim current;
        try {
            current = client.get(VolumeResources.CLAIMS, namespace, name).orElseThrow(() -> notFound(namespace, name));
        } catch (ApiException e) {
            throw KubernetesErrors.unexpected(e, "Reading volume " + name);
        }
        List<String> users = users(namespace, name);
        if (!users.isEmpty() && !force) {
            String reason = "Volume " + name + " is in use by " + String.join(", ", users)
                    + ": deleting it would lose their work. Remove it from them (or delete them) first;"
                    + " an admin may delete it anyway with ?force=true.";
            auditLog.recordInOwnTransaction(audit(caller, AuditRecord.failed(DELETE, reason), namespace, name)
                    .before(VolumeSummary.of(current))
                    .build());
            throw ApiProblems.conflict(reason);
        }
        try {
            JsonObject metadata = new JsonObject();
            metadata.add("annotations", KubeJson.element(Map.of(VolumeAnnotations.DELETED_BY, caller.user())));
            JsonObject patch = new JsonObject();
            patch.add("metadata", metadata);
            client.mergePatch(VolumeResources.CLAIMS, namespace, name, patch);
            client.delete(VolumeResources.CLAIMS, namespace, name);
        } catch (ApiException e) {
            if (KubernetesErrors.isNotFound(e)) {
                throw notFound(namespace, name);
            }
            throw KubernetesErrors.unexpected(e, "Deleting volume " + name);
        }
        AuditRecord.Builder record = force
                ? AuditRecord.allowed(FORCE_DELETE)
                        .reason(users.isEmpty() ? "not in use" : "in use by " + String.join(", ", users))
                : AuditRecord.allowed(DELETE);
        auditLog.record(audit(caller, record, namespace, name)
                .before(VolumeSummary.of(current))
                .build());
    }

    /** Who mounts the claim: notebooks (running or stopped) and any other pod. */
    public List<String> users(String namespace, String name) {
        List<String> users = new ArrayList<>();
        List<Notebook> notebooks = cache.notebooksUsing(namespace, name);
        notebooks.stream()
                .sorted(Comparator.comparing(Notebook::name))
                .forEach(notebook -> users.add("notebook " + new NotebookUse(notebook.name(), notebook.stopped())));
        cache.podsUsing(namespace, name).stream()
                .filter(pod -> !terminated(pod))
                .filter(pod -> notebooks.stream().noneMatch(notebook -> isPodOf(pod, notebook)))
                .map(pod -> "pod " + pod.getMetadata().getName())
                .sorted()
                .forEach(users::add);
        return users;
    }

    static boolean terminated(V1Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    static boolean isPodOf(V1Pod pod, Notebook notebook) {
        Map<String, String> labels = pod.getMetadata().getLabels();
        return labels != null && notebook.name().equals(labels.get("notebook-name"));
    }

    private VolumeItem item(
            V1PersistentVolumeClaim claim,
            Map<String, StorageClassInfo> classes,
            Optional<StorageClassInfo> defaultClass) {
        String namespace = Claims.namespace(claim);
        String name = Claims.name(claim);
        String claimClass = Claims.storageClass(claim);
        Optional<StorageClassInfo> storageClass =
                claimClass == null ? defaultClass : Optional.ofNullable(classes.get(claimClass));
        List<NotebookUse> notebooks = cache.notebooksUsing(namespace, name).stream()
                .map(notebook -> new NotebookUse(notebook.name(), notebook.stopped()))
                .sorted(Comparator.comparing(NotebookUse::name))
                .toList();
        List<String> pods = cache.podsUsing(namespace, name).stream()
                .map(pod -> pod.getMetadata().getName())
                .sorted()
                .toList();
        String requested = Quantities.text(Claims.requested(claim));
        String capacity = Claims.capacity(claim) == null ? requested : Quantities.text(Claims.capacity(claim));
        return new VolumeItem(
                name,
                namespace,
                VolumeStatuses.of(claim, cache.eventsOf(namespace, name), storageClass),
                claim.getMetadata().getCreationTimestamp(),
                capacity,
                requested,
                Claims.accessModes(claim),
                claimClass == null || claimClass.isEmpty() ? null : claimClass,
                notebooks,
                pods,
                cache.snapshotsOf(namespace, name).size());
    }

    private Optional<StorageClassInfo> storageClassOf(NewVolume volume, List<Violation> violations) {
        if (volume.storageClass().isNone()) {
            return Optional.empty();
        }
        if (volume.storageClass().isDefault()) {
            Optional<StorageClassInfo> defaultClass = catalog.defaultClass();
            if (defaultClass.isEmpty()) {
                violations.add(new Violation(
                        "class", "the cluster has no default storage class; name one of " + classNames()));
            }
            return defaultClass;
        }
        String name = volume.storageClass().name();
        Optional<StorageClassInfo> named = catalog.named(name);
        if (named.isEmpty()) {
            violations.add(new Violation("class", "there is no storage class " + name + "; there are " + classNames()));
        }
        return named;
    }

    /** A restore's size: the one asked for (at least the snapshot's), else the snapshot's. */
    private String restoreSize(
            String namespace, NewVolume volume, Optional<StorageClassInfo> storageClass, List<Violation> violations) {
        Optional<VolumeSnapshot> snapshot = cache.snapshot(namespace, volume.snapshot());
        if (snapshot.isEmpty()) {
            violations.add(new Violation("snapshot", "there is no snapshot " + volume.snapshot() + " in " + namespace));
            return volume.size();
        }
        if (!snapshot.get().readyToUse()) {
            violations.add(new Violation(
                    "snapshot",
                    "snapshot " + volume.snapshot() + " is not ready to use yet"
                            + (snapshot.get().errorMessage() == null
                                    ? ""
                                    : ": " + snapshot.get().errorMessage())));
            return volume.size();
        }
        String driver = cache.snapshotClasses().stream()
                .filter(snapshotClass ->
                        snapshotClass.name().equals(snapshot.get().snapshotClass()))
                .map(VolumeSnapshotClass::driver)
                .findFirst()
                .orElse(null);
        storageClass.ifPresent(info -> {
            if (driver != null && !driver.equals(info.provisioner())) {
                violations.add(new Violation(
                        "class",
                        "snapshot " + volume.snapshot() + " was taken by driver " + driver + "; storage class "
                                + info.name() + " uses " + info.provisioner() + " and cannot restore it"));
            }
        });
        String restoreSize = snapshot.get().restoreSize();
        if (volume.size() == null) {
            if (restoreSize == null) {
                violations.add(
                        new Violation("size", "is required: snapshot " + volume.snapshot() + " has no restoreSize"));
            }
            return restoreSize;
        }
        if (restoreSize != null
                && Quantities.parse(volume.size())
                                .orElseThrow()
                                .compareTo(Quantities.parse(restoreSize).orElse(BigDecimal.ZERO))
                        < 0) {
            violations.add(
                    new Violation("size", "must be at least the snapshot's size " + restoreSize + " to restore it"));
        }
        return volume.size();
    }

    private String classNames() {
        List<String> names = catalog.all().stream().map(StorageClassInfo::name).toList();
        return names.isEmpty() ? "none" : String.join(", ", names);
    }

    static void throwIfAny(List<Violation> violations) {
        if (!violations.isEmpty()) {
            throw ApiProblems.invalid(violations.stream()
                    .map(v -> new io.micronaut.problem.violations.Violation(v.field(), v.message()))
                    .toList());
        }
    }

    /** What the API server's refusal of a write means for the caller. */
    static ThrowableProblem refusedWrite(ApiException e, String namespace, String name, String attempt) {
        if (KubernetesErrors.isConflict(e)) {
            return ApiProblems.conflict("name", "a volume named " + name + " already exists in " + namespace);
        }
        if (KubernetesErrors.isNotFound(e)) {
            return ApiProblems.notFound("There is no namespace " + namespace + ".");
        }
        if (KubernetesErrors.isForbidden(e)) {
            // quota admission, or a namespace being deleted
            return ApiProblems.invalid("size", KubernetesErrors.message(e));
        }
        if (KubernetesErrors.isInvalid(e)) {
            return ApiProblems.invalid("body", KubernetesErrors.message(e));
        }
        return KubernetesErrors.unexpected(e, attempt);
    }

    static ThrowableProblem notFound(String namespace, String name) {
        return ApiProblems.notFound("There is no volume " + name + " in " + namespace + ".");
    }

    static AuditRecord.Builder audit(Caller caller, AuditRecord.Builder record, String namespace, String name) {
        return record.actor(caller.user(), caller.remoteAddress()).resource(KIND, namespace, name);
    }
}
