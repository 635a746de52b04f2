package dev.notebooks.platform.events;

import dev.notebooks.platform.events.account.AccountBackend;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountData;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.events.account.AccountDrift;
import dev.notebooks.platform.events.account.AccountDriftCorrected;
import dev.notebooks.platform.events.account.AccountPasswordChanged;
import dev.notebooks.platform.events.account.AccountUpdated;
import dev.notebooks.platform.events.account.DriftDirection;
import dev.notebooks.platform.events.catalog.CatalogDefaultChanged;
import dev.notebooks.platform.events.catalog.CatalogImageAdded;
import dev.notebooks.platform.events.catalog.CatalogImageData;
import dev.notebooks.platform.events.catalog.CatalogImageDeprecated;
import dev.notebooks.platform.events.catalog.CatalogImageRemoved;
import dev.notebooks.platform.events.catalog.CatalogImageUpdated;
import dev.notebooks.platform.events.notebook.Gpu;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookData;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookResources;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.events.profile.ContributorRole;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.events.profile.ProfileCreated;
import dev.notebooks.platform.events.profile.ProfileDeleted;
import dev.notebooks.platform.events.profile.ProfileFailed;
import dev.notebooks.platform.events.profile.ProfileReady;
import dev.notebooks.platform.events.profile.ProfileSpec;
import dev.notebooks.platform.events.profile.ProfileUpdated;
import dev.notebooks.platform.events.usage.UsageCorrected;
import dev.notebooks.platform.events.usage.UsageFigures;
import dev.notebooks.platform.events.usage.UsagePeriodClosed;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeData;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import dev.notebooks.platform.events.volume.VolumeSnapshotCreated;
import dev.notebooks.platform.events.volume.VolumeSnapshotData;
import dev.notebooks.platform.events.volume.VolumeSnapshotDeleted;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/** One realistic event of every type, as the services would publish it. */
final class SampleEvents {

    private static final Actor ALICE = Actor.api("alice@example.com");
    private static final Actor ADMIN = Actor.api("admin@example.com");
    private static final String ALICE_ID = "08a8684b-db88-4b73-90a9-3cd1661f5466";
    private static final ProfileSpec SPEC =
            new ProfileSpec("alice@example.com", Map.of("cpu", "8", "memory", "16Gi"), List.of());
    private static final ProfileSpec BIGGER_SPEC = new ProfileSpec(
            "alice@example.com",
            Map.of("cpu", "16", "memory", "32Gi", "requests.nvidia.com/gpu", "1"),
            List.of("WorkloadIdentity"));
    private static final NotebookResources CPU_ONLY = new NotebookResources("500m", "1Gi", "600m", "1.2Gi", Gpu.none());
    private static final NotebookResources WITH_GPU =
            new NotebookResources("4", "16Gi", null, null, new Gpu(1, "nvidia.com/gpu"));
    private static final String SCIPY = "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-scipy:v1.10.0";
    private static final String CODESERVER = "ghcr.io/kubeflow/kubeflow/notebook-servers/codeserver-python:v1.10.0";
    private static final Instant LAST_ACTIVITY = Instant.parse("2025-11-20T17:42:05Z");
    private static final Instant BOUND = Instant.parse("2025-11-19T08:00:01Z");

    private static final UsageFigures FIGURES = new UsageFigures(
            "1800", "3600.5", Map.of("nvidia.com/gpu", "3600"), Map.of("standard", "36000"), "1.234567", "EUR");

    private SampleEvents() {}

    static List<PlatformEvent<?>> all() {
        return List.of(
                usage(new UsagePeriodClosed(
                        Actor.controller("profile-service"),
                        "alice",
                        Instant.parse("2025-11-20T09:00:00Z"),
                        Instant.parse("2025-11-20T10:00:00Z"),
                        FIGURES)),
                usage(new UsageCorrected(
                        Actor.controller("profile-service"),
                        "alice",
                        Instant.parse("2025-11-20T09:00:00Z"),
                        Instant.parse("2025-11-20T10:00:00Z"),
                        1,
                        FIGURES,
                        new UsageFigures(
                                "900", "1800", Map.of(), Map.of(UsageFigures.DEFAULT_CLASS, "36000"), null, null),
                        "notebook.stopped.v1",
                        "3f8e0c57-8d3c-4b8e-9d0e-7d7f1b4f6a10")),
                account(new AccountCreated(ADMIN, ALICE_ID, "alice@example.com", "alice")),
                account(new AccountUpdated(
                        ADMIN, ALICE_ID, "alice@example.org", "alice", "alice@example.com", "alice")),
                account(new AccountDeleted(ADMIN, ALICE_ID, "alice@example.com", "alice")),
                account(new AccountPasswordChanged(ALICE, ALICE_ID, "alice@example.com", "alice")),
                account(new AccountDriftCorrected(
                        Actor.controller("auth-service"),
                        ALICE_ID,
                        "alice@example.com",
                        "alice",
                        AccountBackend.KUBERNETES,
                        AccountDrift.CHANGED,
                        DriftDirection.SERVICE_WINS)),
                profile(new ProfileCreated(ADMIN, "alice", SPEC)),
                profile(new ProfileUpdated(ADMIN, "alice", SPEC, BIGGER_SPEC)),
                profile(new ProfileDeleted(ADMIN, "alice", BIGGER_SPEC)),
                profile(new ProfileContributorAdded(ALICE, "alice", "bob@example.com", ContributorRole.EDIT)),
                profile(new ProfileContributorRemoved(ALICE, "alice", "bob@example.com", ContributorRole.VIEW)),
                profile(new ProfileReady(Actor.controller("profile-service"), "alice", "alice")),
                profile(new ProfileFailed(
                        Actor.controller("profile-service"),
                        "alice",
                        "NamespaceOwnedByOther",
                        "namespace alice exists and is not owned by profile alice")),
                notebook(new NotebookCreated(
                        ALICE, "alice", "scipy", SCIPY, ServerType.JUPYTER, CPU_ONLY, List.of("scipy-workspace"))),
                notebook(new NotebookStarted(
                        Actor.kubectl("alice@example.com"),
                        "alice",
                        "training",
                        CODESERVER,
                        ServerType.VSCODE,
                        WITH_GPU,
                        List.of("training-workspace", "datasets"))),
                notebook(new NotebookStopped(
                        ALICE,
                        "alice",
                        "scipy",
                        SCIPY,
                        ServerType.JUPYTER,
                        CPU_ONLY,
                        List.of("scipy-workspace"),
                        "stopped by user",
                        LAST_ACTIVITY)),
                notebook(new NotebookCulled(
                        Actor.controller("notebook-service"),
                        "alice",
                        "scipy",
                        SCIPY,
                        ServerType.JUPYTER,
                        CPU_ONLY,
                        List.of("scipy-workspace"),
                        "idle for 1440 minutes",
                        LAST_ACTIVITY)),
                notebook(new NotebookUpdated(
                        ALICE,
                        "alice",
                        "scipy",
                        SCIPY,
                        ServerType.JUPYTER,
                        WITH_GPU,
                        List.of("scipy-workspace", "datasets"),
                        new NotebookUpdated.Before(SCIPY, CPU_ONLY, List.of("scipy-workspace")),
                        true)),
                notebook(new NotebookFailed(
                        Actor.controller("notebook-service"),
                        "alice",
                        "training",
                        CODESERVER,
                        ServerType.VSCODE,
                        WITH_GPU,
                        List.of("training-workspace"),
                        "Unschedulable",
                        "0/1 nodes are available: 1 Insufficient nvidia.com/gpu.")),
                notebook(new NotebookDeleted(
                        ALICE, "alice", "scipy", SCIPY, ServerType.JUPYTER, CPU_ONLY, List.of("scipy-workspace"))),
                volume(new VolumeCreated(
                        ALICE, "alice", "datasets", "20Gi", "standard", List.of("ReadWriteOnce"), BOUND)),
                volume(new VolumeResized(
                        ALICE, "alice", "datasets", "20Gi", "50Gi", "standard", List.of("ReadWriteOnce"), BOUND)),
                volume(new VolumeDeleted(ALICE, "alice", "datasets", "50Gi", null, List.of("ReadWriteMany"), BOUND)),
                snapshot(new VolumeSnapshotCreated(
                        ALICE,
                        "alice",
                        "datasets-before-cleanup",
                        "datasets",
                        "50Gi",
                        "standard",
                        List.of("ReadWriteOnce"),
                        "csi-hostpath-snapclass",
                        LAST_ACTIVITY)),
                snapshot(new VolumeSnapshotDeleted(
                        Actor.kubectl("kubectl-client-side-apply"),
                        "alice",
                        "datasets-before-cleanup",
                        "datasets",
                        "50Gi",
                        null,
                        List.of("ReadWriteOnce"),
                        null,
                        LAST_ACTIVITY)),
                image(new CatalogImageAdded(
                        ADMIN, "jupyter-scipy", SCIPY, ServerType.JUPYTER, "JupyterLab + SciPy", true, false)),
                image(new CatalogImageUpdated(
                        ADMIN, "jupyter-scipy", SCIPY, ServerType.JUPYTER, "JupyterLab, SciPy stack", false, false)),
                image(new CatalogImageDeprecated(
                        ADMIN, "codeserver-python", CODESERVER, ServerType.VSCODE, "VS Code + Python", false, true)),
                image(new CatalogImageRemoved(
                        ADMIN,
                        "rstudio-tidyverse",
                        "ghcr.io/kubeflow/kubeflow/notebook-servers/rstudio-tidyverse:v1.10.0",
                        ServerType.RSTUDIO,
                        "RStudio + Tidyverse",
                        false,
                        true)),
                PlatformEvent.of(
                        "image-catalog-service",
                        ServerType.JUPYTER.value(),
                        new CatalogDefaultChanged(
                                ADMIN,
                                ServerType.JUPYTER,
                                "jupyter-scipy",
                                SCIPY,
                                "jupyter-pytorch",
                                "ghcr.io/kubeflow/kubeflow/notebook-servers/jupyter-pytorch-full:v1.10.0")));
    }

    static PlatformEvent<?> ofType(String type) {
        return all().stream()
                .filter(event -> event.type().equals(type))
                .findFirst()
                .orElseThrow();
    }

    private static PlatformEvent<?> account(AccountData data) {
        return PlatformEvent.of("auth-service", data.userId(), data);
    }

    private static PlatformEvent<?> profile(EventData data) {
        return PlatformEvent.of("profile-service", "alice", data);
    }

    private static PlatformEvent<?> notebook(NotebookData data) {
        return PlatformEvent.of("notebook-service", Subjects.namespaced(data.namespace(), data.name()), data);
    }

    private static PlatformEvent<?> volume(VolumeData data) {
        return PlatformEvent.of("volume-service", Subjects.namespaced(data.namespace(), data.name()), data);
    }

    private static PlatformEvent<?> snapshot(VolumeSnapshotData data) {
        return PlatformEvent.of("volume-service", Subjects.namespaced(data.namespace(), data.name()), data);
    }

    private static PlatformEvent<?> usage(EventData data) {
        return PlatformEvent.of("profile-service", "alice", data);
    }

    private static PlatformEvent<?> image(CatalogImageData data) {
        return PlatformEvent.of("image-catalog-service", data.id(), data);
    }
}
