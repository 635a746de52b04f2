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
import dev.notebooks.volume.domain.StorageClassInfo;
import dev.notebooks.volume.domain.VolumeAnnotations;
import dev.notebooks.volume.domain.VolumeNames;
import dev.notebooks.volume.domain.VolumeResources;
import dev.notebooks.volume.domain.VolumeSnapshot;
import io.kubernetes.client.openapi.ApiException;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.zalando.problem.ThrowableProblem;

/**
 * Snapshots of volumes on the standard CSI snapshot API ({@code snapshot.storage.k8s.io/v1} VolumeSnapshot), what
 * Rok gives Kale users: take one, list them, delete one. Restoring is a new volume with the snapshot as its
 * {@code dataSource} ({@link VolumeService#create}).
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class SnapshotService {

    public static final String KIND = "VolumeSnapshot";
    public static final String CREATE = "snapshot.create";
    public static final String READ = "snapshot.read";
    public static final String DELETE = "snapshot.delete";

    private static final DateTimeFormatter NAME_TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final ResourceClient client;
    private final VolumeCache cache;
    private final StorageCatalog catalog;
    private final Authorizer authorizer;
    private final AuditLog auditLog;

    SnapshotService(
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

    public ProfileRole require(Caller caller, String namespace, ProfileRole minimum, String action, String name) {
        return authorizer.require(caller, namespace, minimum, action, KIND, name);
    }

    /**
     * Takes a snapshot of the volume with the snapshot class of its storage class's driver.
     *
     * @param name the snapshot's name; null for {@code <volume>-<yyyyMMdd-HHmmss>}
     * @throws ThrowableProblem 422 naming {@code volume} when its class's driver has no VolumeSnapshotClass
     */
    public SnapshotItem create(Caller caller, String namespace, String volume, String name) {
        require(caller, namespace, ProfileRole.EDIT, CREATE, name);
        cache.requireSynced();
        V1PersistentVolumeClaim claim =
                cache.claim(namespace, volume).orElseThrow(() -> VolumeService.notFound(namespace, volume));
        String snapshotName = name != null ? name : defaultName(volume);
        VolumeNames.problem(snapshotName).ifPresent(problem -> {
            throw ApiProblems.invalid("name", problem + " (made from the volume's name; give one)");
        });
        Optional<StorageClassInfo> storageClass = catalog.of(Claims.storageClass(claim));
        if (storageClass.isEmpty()) {
            throw ApiProblems.invalid(
                    "volume", "volume " + volume + " has no storage class, so no CSI driver can snapshot it");
        }
        StorageClassInfo info = storageClass.get();
        if (!info.snapshots()) {
            throw ApiProblems.invalid(
                    "volume",
                    "storage class " + info.name() + " (provisioner " + info.provisioner()
                            + ") has no VolumeSnapshotClass for its driver, so its volumes cannot be snapshotted");
        }
        if (!Claims.bound(claim)) {
            throw ApiProblems.invalid(
                    "volume",
                    "volume " + volume + " is not bound yet (" + Claims.phase(claim) + "); nothing to snapshot");
        }
        if (cache.snapshot(namespace, snapshotName).isPresent()) {
            throw ApiProblems.conflict("name", "a snapshot named " + snapshotName + " already exists in " + namespace);
        }
        VolumeSnapshot snapshot = VolumeSnapshot.of(namespace, snapshotName, volume, info.snapshotClass());
        snapshot.getMetadata().setAnnotations(Map.of(VolumeAnnotations.CREATED_BY, caller.user()));
        VolumeSnapshot created;
        try {
            created = client.create(VolumeResources.SNAPSHOTS, snapshot);
        } catch (ApiException e) {
            if (KubernetesErrors.isConflict(e)) {
                throw ApiProblems.conflict(
                        "name", "a snapshot named " + snapshotName + " already exists in " + namespace);
            }
            if (KubernetesErrors.isNotFound(e)) {
                throw ApiProblems.notFound(
                        "There is no namespace " + namespace + " (or the cluster has no VolumeSnapshot API).");
            }
            throw KubernetesErrors.unexpected(e, "Creating snapshot " + snapshotName);
        }
        auditLog.record(audit(caller, AuditRecord.allowed(CREATE), namespace, snapshotName)
                .after(summary(created))
                .build());
        return SnapshotItem.of(created);
    }

    /** The namespace's snapshots, or only the volume's when {@code volume} is given, newest first. */
    public List<SnapshotItem> list(Caller caller, String namespace, String volume) {
        require(caller, namespace, ProfileRole.VIEW, READ, null);
        cache.requireSynced();
        if (volume != null && cache.claim(namespace, volume).isEmpty()) {
            throw VolumeService.notFound(namespace, volume);
        }
        List<VolumeSnapshot> snapshots =
                volume == null ? cache.snapshots(namespace) : cache.snapshotsOf(namespace, volume);
        return snapshots.stream()
                .map(SnapshotItem::of)
                .sorted(Comparator.comparing(
                                SnapshotItem::createdAt,
                                Comparator.nullsLast(Comparator.<java.time.OffsetDateTime>reverseOrder()))
                        .thenComparing(SnapshotItem::name))
                .toList();
    }

    public void delete(Caller caller, String namespace, String name) {
        require(caller, namespace, ProfileRole.EDIT, DELETE, name);
        VolumeSnapshot current;
        try {
            current = client.get(VolumeResources.SNAPSHOTS, namespace, name)
                    .orElseThrow(() -> ApiProblems.notFound("There is no snapshot " + name + " in " + namespace + "."));
            JsonObject metadata = new JsonObject();
            metadata.add("annotations", KubeJson.element(Map.of(VolumeAnnotations.DELETED_BY, caller.user())));
            JsonObject patch = new JsonObject();
            patch.add("metadata", metadata);
            client.mergePatch(VolumeResources.SNAPSHOTS, namespace, name, patch);
            client.delete(VolumeResources.SNAPSHOTS, namespace, name);
        } catch (ApiException e) {
            if (KubernetesErrors.isNotFound(e)) {
                throw ApiProblems.notFound("There is no snapshot " + name + " in " + namespace + ".");
            }
            throw KubernetesErrors.unexpected(e, "Deleting snapshot " + name);
        }
        auditLog.record(audit(caller, AuditRecord.allowed(DELETE), namespace, name)
                .before(summary(current))
                .build());
    }

    private static String defaultName(String volume) {
        String suffix = "-" + NAME_TIME.format(ZonedDateTime.now(ZoneOffset.UTC));
        String base = volume.length() + suffix.length() > VolumeNames.MAX_LENGTH
                ? volume.substring(0, VolumeNames.MAX_LENGTH - suffix.length())
                : volume;
        return base + suffix;
    }

    private static String summary(VolumeSnapshot snapshot) {
        return "{\"volume\":\"" + snapshot.sourceClaim() + "\",\"snapshotClass\":"
                + (snapshot.snapshotClass() == null ? "null" : "\"" + snapshot.snapshotClass() + "\"") + "}";
    }

    private static AuditRecord.Builder audit(Caller caller, AuditRecord.Builder record, String namespace, String name) {
        return record.actor(caller.user(), caller.remoteAddress()).resource(KIND, namespace, name);
    }
}
