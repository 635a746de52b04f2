package dev.notebooks.volume.api;

import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.crud.CrudEnvelope;
import dev.notebooks.volume.domain.AccessMode;
import dev.notebooks.volume.domain.StorageClassInfo;
import dev.notebooks.volume.service.StorageCatalog;
import dev.notebooks.volume.service.VolumeCache;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.micronaut.serde.annotation.Serdeable;
import io.swagger.v3.oas.annotations.Parameter;
import java.util.List;
import java.util.Map;

/**
 * The storage classes (VWA's common routes: no profile role needed, any signed-in user): names as VWA's frontend
 * reads them ({@code storageClasses}), and in {@code classes} what a user chooses by: provisioner, default, expansion,
 * binding mode, snapshot support, access modes and the admin's display name and description.
 */
@Controller("/api/storageclasses")
@ExecuteOn(TaskExecutors.BLOCKING)
class StorageClassController {

    private final StorageCatalog catalog;
    private final VolumeCache cache;

    StorageClassController(StorageCatalog catalog, VolumeCache cache) {
        this.catalog = catalog;
        this.cache = cache;
    }

    @Get
    Map<String, Object> list(@Parameter(hidden = true) Caller caller) {
        cache.requireSynced();
        List<StorageClassInfo> classes = catalog.all();
        Map<String, Object> answer = CrudEnvelope.ok(
                caller,
                "storageClasses",
                classes.stream().map(StorageClassInfo::name).toList());
        answer.put("classes", classes.stream().map(ClassView::of).toList());
        return answer;
    }

    /** VWA's {@code defaultStorageClass}: the default class's name, or "" when there is none. */
    @Get("/default")
    Map<String, Object> defaultClass(@Parameter(hidden = true) Caller caller) {
        cache.requireSynced();
        return CrudEnvelope.ok(
                caller,
                "defaultStorageClass",
                catalog.defaultClass().map(StorageClassInfo::name).orElse(""));
    }

    @Serdeable
    record ClassView(
            String name,
            String displayName,
            String description,
            String provisioner,
            boolean isDefault,
            boolean allowVolumeExpansion,
            String volumeBindingMode,
            String reclaimPolicy,
            boolean snapshots,
            String snapshotClass,
            List<String> accessModes) {

        static ClassView of(StorageClassInfo info) {
            return new ClassView(
                    info.name(),
                    info.displayName(),
                    info.description(),
                    info.provisioner(),
                    info.isDefault(),
                    info.allowVolumeExpansion(),
                    info.bindingMode(),
                    info.reclaimPolicy(),
                    info.snapshots(),
                    info.snapshotClass(),
                    AccessMode.names(info.accessModes()));
        }
    }
}
