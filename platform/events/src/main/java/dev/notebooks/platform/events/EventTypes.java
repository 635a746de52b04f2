package dev.notebooks.platform.events;

import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.events.account.AccountDriftCorrected;
import dev.notebooks.platform.events.account.AccountPasswordChanged;
import dev.notebooks.platform.events.account.AccountUpdated;
import dev.notebooks.platform.events.catalog.CatalogDefaultChanged;
import dev.notebooks.platform.events.catalog.CatalogImageAdded;
import dev.notebooks.platform.events.catalog.CatalogImageDeprecated;
import dev.notebooks.platform.events.catalog.CatalogImageRemoved;
import dev.notebooks.platform.events.catalog.CatalogImageUpdated;
import dev.notebooks.platform.events.notebook.NotebookCreated;
import dev.notebooks.platform.events.notebook.NotebookCulled;
import dev.notebooks.platform.events.notebook.NotebookDeleted;
import dev.notebooks.platform.events.notebook.NotebookFailed;
import dev.notebooks.platform.events.notebook.NotebookStarted;
import dev.notebooks.platform.events.notebook.NotebookStopped;
import dev.notebooks.platform.events.notebook.NotebookUpdated;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.events.profile.ProfileCreated;
import dev.notebooks.platform.events.profile.ProfileDeleted;
import dev.notebooks.platform.events.profile.ProfileFailed;
import dev.notebooks.platform.events.profile.ProfileReady;
import dev.notebooks.platform.events.profile.ProfileUpdated;
import dev.notebooks.platform.events.usage.UsageCorrected;
import dev.notebooks.platform.events.usage.UsagePeriodClosed;
import dev.notebooks.platform.events.volume.VolumeCreated;
import dev.notebooks.platform.events.volume.VolumeDeleted;
import dev.notebooks.platform.events.volume.VolumeResized;
import dev.notebooks.platform.events.volume.VolumeSnapshotCreated;
import dev.notebooks.platform.events.volume.VolumeSnapshotDeleted;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Every event type of the platform. A new type is added here, with its record, JSON Schema and AsyncAPI message. */
public final class EventTypes {

    public static final List<EventType> ALL = List.of(
            new EventType(AccountCreated.TYPE, AccountCreated.class, Topics.ACCOUNTS),
            new EventType(AccountUpdated.TYPE, AccountUpdated.class, Topics.ACCOUNTS),
            new EventType(AccountDeleted.TYPE, AccountDeleted.class, Topics.ACCOUNTS),
            new EventType(AccountPasswordChanged.TYPE, AccountPasswordChanged.class, Topics.ACCOUNTS),
            new EventType(AccountDriftCorrected.TYPE, AccountDriftCorrected.class, Topics.ACCOUNTS),
            new EventType(ProfileCreated.TYPE, ProfileCreated.class, Topics.PROFILES),
            new EventType(ProfileUpdated.TYPE, ProfileUpdated.class, Topics.PROFILES),
            new EventType(ProfileDeleted.TYPE, ProfileDeleted.class, Topics.PROFILES),
            new EventType(ProfileContributorAdded.TYPE, ProfileContributorAdded.class, Topics.PROFILES),
            new EventType(ProfileContributorRemoved.TYPE, ProfileContributorRemoved.class, Topics.PROFILES),
            new EventType(ProfileReady.TYPE, ProfileReady.class, Topics.PROFILES),
            new EventType(ProfileFailed.TYPE, ProfileFailed.class, Topics.PROFILES),
            new EventType(NotebookCreated.TYPE, NotebookCreated.class, Topics.NOTEBOOKS),
            new EventType(NotebookStarted.TYPE, NotebookStarted.class, Topics.NOTEBOOKS),
            new EventType(NotebookStopped.TYPE, NotebookStopped.class, Topics.NOTEBOOKS),
            new EventType(NotebookCulled.TYPE, NotebookCulled.class, Topics.NOTEBOOKS),
            new EventType(NotebookUpdated.TYPE, NotebookUpdated.class, Topics.NOTEBOOKS),
            new EventType(NotebookFailed.TYPE, NotebookFailed.class, Topics.NOTEBOOKS),
            new EventType(NotebookDeleted.TYPE, NotebookDeleted.class, Topics.NOTEBOOKS),
            new EventType(VolumeCreated.TYPE, VolumeCreated.class, Topics.VOLUMES),
            new EventType(VolumeResized.TYPE, VolumeResized.class, Topics.VOLUMES),
            new EventType(VolumeDeleted.TYPE, VolumeDeleted.class, Topics.VOLUMES),
            new EventType(VolumeSnapshotCreated.TYPE, VolumeSnapshotCreated.class, Topics.VOLUMES),
            new EventType(VolumeSnapshotDeleted.TYPE, VolumeSnapshotDeleted.class, Topics.VOLUMES),
            new EventType(CatalogImageAdded.TYPE, CatalogImageAdded.class, Topics.CATALOG),
            new EventType(CatalogImageUpdated.TYPE, CatalogImageUpdated.class, Topics.CATALOG),
            new EventType(CatalogImageDeprecated.TYPE, CatalogImageDeprecated.class, Topics.CATALOG),
            new EventType(CatalogImageRemoved.TYPE, CatalogImageRemoved.class, Topics.CATALOG),
            new EventType(CatalogDefaultChanged.TYPE, CatalogDefaultChanged.class, Topics.CATALOG),
            new EventType(UsagePeriodClosed.TYPE, UsagePeriodClosed.class, Topics.USAGE),
            new EventType(UsageCorrected.TYPE, UsageCorrected.class, Topics.USAGE));

    private static final Map<String, EventType> BY_NAME =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::name, Function.identity()));
    private static final Map<Class<?>, EventType> BY_DATA_CLASS =
            ALL.stream().collect(Collectors.toUnmodifiableMap(EventType::dataClass, Function.identity()));

    private EventTypes() {}

    public static Optional<EventType> named(String name) {
        return Optional.ofNullable(BY_NAME.get(name));
    }

    /** The type whose data is the given record, such as {@code NotebookStarted.class}. */
    public static EventType ofData(Class<? extends EventData> dataClass) {
        EventType type = BY_DATA_CLASS.get(dataClass);
        if (type == null) {
            throw new IllegalArgumentException(dataClass.getName() + " is not the data of any event type");
        }
        return type;
    }
}
