package dev.notebooks.volume;

import io.micronaut.context.annotation.ConfigurationProperties;
import io.micronaut.core.convert.format.MapFormat;
import io.micronaut.core.naming.conventions.StringConvention;
import java.time.Duration;
import java.util.Map;

/** How volumes are judged unused, and which snapshot class each CSI driver's volumes use ({@code volumes.*}). */
@ConfigurationProperties(VolumeSettings.PREFIX)
public class VolumeSettings {

    public static final String PREFIX = "volumes";

    /** A volume no notebook has mounted for this long is an orphan. */
    public static final Duration DEFAULT_ORPHAN_AFTER = Duration.ofDays(30);

    /** How often the leader records which volumes running notebooks and pods mount. */
    public static final Duration DEFAULT_USAGE_SCAN_INTERVAL = Duration.ofMinutes(1);

    private Duration orphanAfter = DEFAULT_ORPHAN_AFTER;
    private Duration usageScanInterval = DEFAULT_USAGE_SCAN_INTERVAL;
    private Map<String, String> snapshotClasses = Map.of();

    /** @return how long unused before a volume is listed as an orphan. Default 30 days. */
    public Duration getOrphanAfter() {
        return orphanAfter;
    }

    public void setOrphanAfter(Duration orphanAfter) {
        this.orphanAfter = orphanAfter;
    }

    /** @return how often mounted volumes are recorded as used. Default 1 minute. */
    public Duration getUsageScanInterval() {
        return usageScanInterval;
    }

    public void setUsageScanInterval(Duration usageScanInterval) {
        this.usageScanInterval = usageScanInterval;
    }

    /**
     * @return the VolumeSnapshotClass to use per CSI driver, such as {@code hostpath.csi.k8s.io:
     *     csi-hostpath-snapclass}. Default none: the driver's default class (annotated
     *     {@code snapshot.storage.kubernetes.io/is-default-class}), else its only class.
     */
    public Map<String, String> getSnapshotClasses() {
        return snapshotClasses;
    }

    public void setSnapshotClasses(
            @MapFormat(transformation = MapFormat.MapTransformation.FLAT, keyFormat = StringConvention.RAW)
                    Map<String, String> snapshotClasses) {
        this.snapshotClasses = snapshotClasses == null ? Map.of() : Map.copyOf(snapshotClasses);
    }
}
