package dev.notebooks.platform.events.volume;

import dev.notebooks.platform.events.EventData;
import java.time.Instant;
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

    /**
     * When the claim was first seen bound to a volume: from then on storage exists and is paid for. Null while it is
     * not bound (a claim of a {@code WaitForFirstConsumer} class before a pod uses it).
     */
    Instant boundAt();
}
