package dev.notebooks.volume.domain;

import static org.assertj.core.api.Assertions.assertThat;

import io.kubernetes.client.custom.Quantity;
import io.kubernetes.client.openapi.models.CoreV1Event;
import io.kubernetes.client.openapi.models.V1ObjectMeta;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimSpec;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaimStatus;
import io.kubernetes.client.openapi.models.V1ResourceQuota;
import io.kubernetes.client.openapi.models.V1ResourceQuotaSpec;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.kubernetes.client.openapi.models.V1VolumeResourceRequirements;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The pure rules: VWA's status, quotas, resize, classes, placeholders, orphans. */
class VolumeRulesTest {

    private static final StorageClassInfo STANDARD = new StorageClassInfo(
            "standard",
            "hostpath.csi.k8s.io",
            true,
            true,
            "Immediate",
            "Delete",
            "snap",
            List.of(AccessMode.values()),
            "standard",
            null);
    private static final StorageClassInfo LOCAL = new StorageClassInfo(
            "local-path",
            "rancher.io/local-path",
            false,
            false,
            "WaitForFirstConsumer",
            "Delete",
            null,
            List.of(AccessMode.READ_WRITE_ONCE),
            "local-path",
            null);

    @Test
    void statusTakesTheNewestEventNotTheFirstListed() {
        V1PersistentVolumeClaim pending = claim("a", "1Gi", "standard", null);
        CoreV1Event older = event("Warning", "ProvisioningFailed", "no capacity", 10);
        CoreV1Event newer = event("Normal", "Provisioning", "provisioning", 20);

        VolumeStatus status = VolumeStatuses.of(pending, List.of(older, newer), Optional.of(STANDARD));

        assertThat(status.phase()).isEqualTo(VolumeStatus.WAITING);
        assertThat(status.state()).isEqualTo("Provisioning");
    }

    @Test
    void waitForFirstConsumerIsExplainedWithoutAnEventYet() {
        VolumeStatus status = VolumeStatuses.of(claim("a", "1Gi", "local-path", null), List.of(), Optional.of(LOCAL));

        assertThat(status.phase()).isEqualTo(VolumeStatus.UNAVAILABLE);
        assertThat(status.message()).contains("local-path").contains("notebook");
    }

    @Test
    void boundClaimAskingForMoreIsResizing() {
        VolumeStatus status = VolumeStatuses.of(claim("a", "2Gi", "standard", "1Gi"), List.of(), Optional.of(STANDARD));

        assertThat(status.phase()).isEqualTo(VolumeStatus.WAITING);
        assertThat(status.message()).isEqualTo("Resizing from 1Gi to 2Gi");
        assertThat(VolumeStatuses.of(claim("a", "1Gi", "standard", "1Gi"), List.of(), Optional.of(STANDARD))
                        .phase())
                .isEqualTo(VolumeStatus.READY);
    }

    @Test
    void quotaNamesWhatIsLeft() {
        V1ResourceQuota quota = quota(Map.of(
                "requests.storage",
                "10Gi",
                "persistentvolumeclaims",
                "2",
                "local-path.storageclass.storage.k8s.io/persistentvolumeclaims",
                "0"));
        List<V1PersistentVolumeClaim> existing = List.of(claim("a", "8Gi", "standard", null));

        assertThat(QuotaCheck.check(List.of(quota), existing, "standard", gib(3), 1, "size", "name"))
                .singleElement()
                .satisfies(v -> {
                    assertThat(v.field()).isEqualTo("size");
                    assertThat(v.message()).isEqualTo("requests.storage 3Gi > 2Gi left of 10Gi in ResourceQuota q");
                });
        assertThat(QuotaCheck.check(List.of(quota), existing, "standard", gib(2), 1, "size", "name"))
                .isEmpty();
        assertThat(QuotaCheck.check(List.of(quota), existing, "local-path", gib(1), 1, "size", "name"))
                .extracting(Violation::field)
                .containsExactly("class");
        assertThat(QuotaCheck.check(
                        List.of(quota),
                        List.of(claim("a", "1Gi", "x", null), claim("b", "1Gi", "x", null)),
                        "standard",
                        gib(1),
                        1,
                        "size",
                        "name"))
                .extracting(Violation::field)
                .containsExactly("name");
        assertThat(QuotaCheck.check(List.of(quota), existing, "standard", gib(3), 0, "size", "size"))
                .as("a resize adds no claim, only storage")
                .extracting(Violation::field)
                .containsExactly("size");
    }

    @Test
    void resizeGrowsOnlyBoundClaimsOfExpandableClasses() {
        V1PersistentVolumeClaim bound = claim("a", "2Gi", "standard", "2Gi");

        assertThat(ResizeRules.check(bound, Optional.of(STANDARD), gib(3))).isEmpty();
        assertThat(ResizeRules.check(bound, Optional.of(STANDARD), gib(1))
                        .orElseThrow()
                        .message())
                .contains("cannot shrink");
        assertThat(ResizeRules.check(bound, Optional.of(STANDARD), gib(2))
                        .orElseThrow()
                        .message())
                .contains("already 2Gi");
        assertThat(ResizeRules.check(claim("b", "1Gi", "local-path", "1Gi"), Optional.of(LOCAL), gib(2))
                        .orElseThrow()
                        .message())
                .contains("does not allow volume expansion");
        assertThat(ResizeRules.check(claim("c", "1Gi", "standard", null), Optional.of(STANDARD), gib(2))
                        .orElseThrow()
                        .message())
                .contains("not bound yet");
    }

    @Test
    void classesAreDescribedWithTheirDriversSnapshotClass() {
        V1StorageClass standard = new V1StorageClass()
                .metadata(new V1ObjectMeta()
                        .name("standard")
                        .annotations(Map.of(StorageClasses.DEFAULT_ANNOTATION, "true")))
                .provisioner("hostpath.csi.k8s.io")
                .allowVolumeExpansion(true);
        List<VolumeSnapshotClass> snapshotClasses = List.of(
                VolumeSnapshotClass.of("other", "hostpath.csi.k8s.io", false),
                VolumeSnapshotClass.of("default-snap", "hostpath.csi.k8s.io", true),
                VolumeSnapshotClass.of("rok-snap", "rok.arrikto.com", true));

        StorageClassInfo info = StorageClasses.describe(
                standard, snapshotClasses, Map.of(), new ClassDisplay("Fast", "SSD", List.of()));
        assertThat(info.snapshotClass()).isEqualTo("default-snap");
        assertThat(info.isDefault()).isTrue();
        assertThat(info.bindingMode()).isEqualTo("Immediate");
        assertThat(info.displayName()).isEqualTo("Fast");
        assertThat(info.accessModes()).containsExactly(AccessMode.READ_WRITE_ONCE, AccessMode.READ_WRITE_ONCE_POD);
        assertThat(StorageClasses.describe(
                                standard, snapshotClasses, Map.of("hostpath.csi.k8s.io", "other"), ClassDisplay.NONE)
                        .snapshotClass())
                .isEqualTo("other");
        assertThat(StorageClasses.describe(standard, List.of(), Map.of(), ClassDisplay.NONE)
                        .snapshots())
                .isFalse();
    }

    @Test
    void vwaPlaceholdersAndShortModesAreRead() {
        assertThat(ClassChoice.parse("{none}").isNone()).isTrue();
        assertThat(ClassChoice.parse("{empty}").isDefault()).isTrue();
        assertThat(ClassChoice.parse("standard").named()).contains("standard");
        assertThat(AccessMode.parse("rwx")).contains(AccessMode.READ_WRITE_MANY);
        assertThat(AccessMode.parse("ReadOnlyMany")).contains(AccessMode.READ_ONLY_MANY);
        assertThat(AccessMode.parse("ReadWriteSometimes")).isEmpty();
    }

    @Test
    void orphansAreVolumesUnmountedForLongerThanTheWindow() {
        Instant now = Instant.parse("2025-11-20T12:00:00Z");
        Duration window = Duration.ofDays(30);

        assertThat(Orphans.isOrphan(false, now.minus(Duration.ofDays(31)), now.minus(Duration.ofDays(90)), now, window))
                .isTrue();
        assertThat(Orphans.isOrphan(false, now.minus(Duration.ofDays(29)), now.minus(Duration.ofDays(90)), now, window))
                .isFalse();
        assertThat(Orphans.isOrphan(false, null, now.minus(Duration.ofDays(31)), now, window))
                .as("never used")
                .isTrue();
        assertThat(Orphans.isOrphan(true, null, now.minus(Duration.ofDays(300)), now, window))
                .as("mounted now")
                .isFalse();
        assertThat(Orphans.idleDays(now.minus(Duration.ofDays(31)), null, now)).isEqualTo(31);
    }

    private static BigDecimal gib(int n) {
        return BigDecimal.valueOf(n).multiply(BigDecimal.valueOf(1L << 30));
    }

    private static V1ResourceQuota quota(Map<String, String> hard) {
        return new V1ResourceQuota()
                .metadata(new V1ObjectMeta().name("q"))
                .spec(new V1ResourceQuotaSpec()
                        .hard(hard.entrySet().stream()
                                .collect(java.util.stream.Collectors.toMap(
                                        Map.Entry::getKey, e -> Quantity.fromString(e.getValue())))));
    }

    static V1PersistentVolumeClaim claim(String name, String size, String storageClass, String boundCapacity) {
        V1PersistentVolumeClaim claim = new V1PersistentVolumeClaim()
                .metadata(new V1ObjectMeta().name(name).namespace("team"))
                .spec(new V1PersistentVolumeClaimSpec()
                        .accessModes(List.of("ReadWriteOnce"))
                        .storageClassName(storageClass)
                        .resources(new V1VolumeResourceRequirements()
                                .requests(Map.of("storage", Quantity.fromString(size)))));
        if (boundCapacity != null) {
            claim.status(new V1PersistentVolumeClaimStatus()
                    .phase("Bound")
                    .capacity(Map.of("storage", Quantity.fromString(boundCapacity))));
        }
        return claim;
    }

    private static CoreV1Event event(String type, String reason, String message, int second) {
        return new CoreV1Event()
                .type(type)
                .reason(reason)
                .message(message)
                .lastTimestamp(OffsetDateTime.of(2025, 11, 20, 12, 0, second, 0, ZoneOffset.UTC));
    }
}
