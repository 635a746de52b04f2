package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.EventData;
import java.util.List;

/** What every volume event says about the PersistentVolumeClaim; what storage metering needs. */
public interface VolumeData extends EventData {

    String namespace();

    String name();

    /** The requested size now, a Kubernetes quantity such as {@code "10Gi"}. */
    String size();

    /** The storage class, or null when the claim names none and the cluster default applies. */
    String storageClass();

    /** Kubernetes access modes, such as {@code ReadWriteOnce}. */
    List<String> accessModes();
}
