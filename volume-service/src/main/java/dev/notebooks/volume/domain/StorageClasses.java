package dev.notebooks.volume.domain;

import io.kubernetes.client.openapi.models.V1StorageClass;
import java.time.OffsetDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/** Which class is the default, which modes a class offers, and which snapshot class its driver has. */
public final class StorageClasses {

    public static final String DEFAULT_ANNOTATION = "storageclass.kubernetes.io/is-default-class";
    public static final String BETA_DEFAULT_ANNOTATION = "storageclass.beta.kubernetes.io/is-default-class";

    /** Drivers of volumes one node mounts at a time: they offer ReadWriteOnce and ReadWriteOncePod only. */
    static final Map<String, List<AccessMode>> SINGLE_NODE_PROVISIONERS = Map.of(
            "rancher.io/local-path", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD),
            "hostpath.csi.k8s.io", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD),
            "kubernetes.io/aws-ebs", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD),
            "ebs.csi.aws.com", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD),
            "disk.csi.azure.com", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD),
            "kubernetes.io/gce-pd",
                    List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_ONLY_MANY, AccessMode.READ_WRITE_ONCE_POD),
            "pd.csi.storage.gke.io",
                    List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_ONLY_MANY, AccessMode.READ_WRITE_ONCE_POD),
            "rok.arrikto.com", List.of(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD));

    private StorageClasses() {}

    public static boolean isDefault(V1StorageClass storageClass) {
        Map<String, String> annotations = storageClass.getMetadata().getAnnotations();
        return annotations != null
                && ("true".equals(annotations.get(DEFAULT_ANNOTATION))
                        || "true".equals(annotations.get(BETA_DEFAULT_ANNOTATION)));
    }

    /**
     * The class a claim without {@code storageClassName} gets: of several defaults the newest, as Kubernetes'
     * DefaultStorageClass admission picks (VWA's {@code /api/storageclasses/default} takes the first listed).
     */
    public static Optional<V1StorageClass> defaultClass(List<V1StorageClass> classes) {
        return classes.stream()
                .filter(StorageClasses::isDefault)
                .max(Comparator.comparing(
                                (V1StorageClass c) -> c.getMetadata().getCreationTimestamp(),
                                Comparator.nullsFirst(Comparator.<OffsetDateTime>naturalOrder()))
                        .thenComparing(c -> c.getMetadata().getName(), Comparator.reverseOrder()));
    }

    /**
     * The modes a class offers: the admin's list, else its provisioner's (single-node drivers offer RWO and RWOP, GCE
     * disks also ROX), else every mode (a file system driver such as NFS, or one this table does not know).
     */
    public static List<AccessMode> accessModes(String provisioner, ClassDisplay display) {
        if (!display.accessModes().isEmpty()) {
            return display.accessModes();
        }
        return SINGLE_NODE_PROVISIONERS.getOrDefault(provisioner, List.of(AccessMode.values()));
    }

    /**
     * The VolumeSnapshotClass for volumes of a provisioner: the one configured for its driver if that exists and is
     * the driver's, else the driver's default ({@value VolumeSnapshotClass#DEFAULT_ANNOTATION}), else the driver's
     * only or first-by-name class; empty when the driver has none.
     */
    public static Optional<VolumeSnapshotClass> snapshotClassFor(
            String provisioner, List<VolumeSnapshotClass> snapshotClasses, Map<String, String> configuredByDriver) {
        List<VolumeSnapshotClass> ofDriver = snapshotClasses.stream()
                .filter(snapshotClass -> Objects.equals(provisioner, snapshotClass.driver()))
                .sorted(Comparator.comparing(VolumeSnapshotClass::name))
                .toList();
        String configured = configuredByDriver.get(provisioner);
        return ofDriver.stream()
                .filter(snapshotClass -> snapshotClass.name().equals(configured))
                .findFirst()
                .or(() ->
                        ofDriver.stream().filter(VolumeSnapshotClass::isDefault).findFirst())
                .or(() -> ofDriver.stream().findFirst());
    }

    public static StorageClassInfo describe(
            V1StorageClass storageClass,
            List<VolumeSnapshotClass> snapshotClasses,
            Map<String, String> snapshotClassByDriver,
            ClassDisplay display) {
        String name = storageClass.getMetadata().getName();
        String provisioner = storageClass.getProvisioner();
        return new StorageClassInfo(
                name,
                provisioner,
                isDefault(storageClass),
                Boolean.TRUE.equals(storageClass.getAllowVolumeExpansion()),
                storageClass.getVolumeBindingMode() == null
                        ? StorageClassInfo.IMMEDIATE
                        : storageClass.getVolumeBindingMode(),
                storageClass.getReclaimPolicy() == null ? "Delete" : storageClass.getReclaimPolicy(),
                snapshotClassFor(provisioner, snapshotClasses, snapshotClassByDriver)
                        .map(VolumeSnapshotClass::name)
                        .orElse(null),
                accessModes(provisioner, display),
                display.displayName() == null ? name : display.displayName(),
                display.description());
    }
}
