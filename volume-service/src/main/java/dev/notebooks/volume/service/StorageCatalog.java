package dev.notebooks.volume.service;

import dev.notebooks.volume.StorageClassSettings;
import dev.notebooks.volume.VolumeSettings;
import dev.notebooks.volume.domain.ClassDisplay;
import dev.notebooks.volume.domain.StorageClassInfo;
import dev.notebooks.volume.domain.StorageClasses;
import io.kubernetes.client.openapi.models.V1StorageClass;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The cluster's storage classes as users choose among them, from the caches and the admin's descriptions. */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class StorageCatalog {

    private final VolumeCache cache;
    private final VolumeSettings settings;
    private final Map<String, ClassDisplay> displays;

    StorageCatalog(VolumeCache cache, VolumeSettings settings, List<StorageClassSettings> classSettings) {
        this.cache = cache;
        this.settings = settings;
        this.displays = classSettings.stream()
                .collect(Collectors.toUnmodifiableMap(
                        StorageClassSettings::getName, StorageClassSettings::display, (a, b) -> a));
    }

    /** Every class, by name. */
    public List<StorageClassInfo> all() {
        return cache.storageClasses().stream()
                .map(this::describe)
                .sorted(Comparator.comparing(StorageClassInfo::name))
                .toList();
    }

    public Map<String, StorageClassInfo> byName() {
        return all().stream().collect(Collectors.toMap(StorageClassInfo::name, Function.identity()));
    }

    public Optional<StorageClassInfo> named(String name) {
        return name == null || name.isEmpty()
                ? Optional.empty()
                : cache.storageClass(name).map(this::describe);
    }

    /** The class a claim without {@code storageClassName} gets. */
    public Optional<StorageClassInfo> defaultClass() {
        return StorageClasses.defaultClass(cache.storageClasses()).map(this::describe);
    }

    /** The class a claim has: the one it names, else (unset) the default; empty for "" or a class that is gone. */
    public Optional<StorageClassInfo> of(String claimClass) {
        return claimClass == null ? defaultClass() : named(claimClass);
    }

    private StorageClassInfo describe(V1StorageClass storageClass) {
        return StorageClasses.describe(
                storageClass,
                cache.snapshotClasses(),
                settings.getSnapshotClasses(),
                displays.getOrDefault(storageClass.getMetadata().getName(), ClassDisplay.NONE));
    }
}
