package dev.notebooks.catalog.service;

import dev.notebooks.catalog.CatalogSettings;
import dev.notebooks.catalog.domain.CatalogChange;
import dev.notebooks.catalog.domain.CatalogChanged;
import dev.notebooks.catalog.domain.ChangeAction;
import dev.notebooks.catalog.domain.ImageConflictException;
import dev.notebooks.catalog.domain.ImageEdit;
import dev.notebooks.catalog.domain.ImageEntry;
import dev.notebooks.catalog.domain.ImageNotFoundException;
import dev.notebooks.catalog.domain.ImageReference;
import dev.notebooks.catalog.domain.ImageRules;
import dev.notebooks.catalog.domain.InvalidImageException;
import dev.notebooks.catalog.domain.NewImage;
import dev.notebooks.catalog.domain.SpawnerFormDefaults;
import dev.notebooks.catalog.events.CatalogAnnouncer;
import dev.notebooks.catalog.events.ImageUsage;
import dev.notebooks.catalog.store.CatalogChangeRepository;
import dev.notebooks.catalog.store.CatalogChangeRow;
import dev.notebooks.catalog.store.CatalogImageRepository;
import dev.notebooks.catalog.store.CatalogImageRow;
import dev.notebooks.catalog.store.CatalogJson;
import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.ServerType;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import io.micronaut.context.event.ApplicationEventPublisher;
import io.micronaut.data.jdbc.runtime.JdbcOperations;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The image catalog: reading it (now and at any past time) and changing it. Every change writes the image row, its
 * history row, its audit record and its events (through the outbox) in one transaction, and then the spawner ConfigMap
 * follows. Exactly one image per server type is the default: making one the default takes it from the other, and the
 * default can be neither deprecated nor removed.
 *
 * <p>Refusals are typed: {@link ImageNotFoundException} (404), {@link ImageConflictException} (409) and
 * {@link InvalidImageException} (422, naming the field).
 */
@Singleton
public class CatalogService {

    public static final String KIND = "CatalogImage";

    // one catalog change at a time: the default's hand-over reads and writes two rows
    private static final long CATALOG_LOCK = 0x6361_7461_6c6f_67L;

    private final CatalogImageRepository images;
    private final CatalogChangeRepository changes;
    private final ImageUsage usage;
    private final CatalogAnnouncer announcer;
    private final AuditLog auditLog;
    private final CatalogSettings settings;
    private final ApplicationEventPublisher<CatalogChanged> changed;
    private final JdbcOperations jdbc;

    CatalogService(
            CatalogImageRepository images,
            CatalogChangeRepository changes,
            ImageUsage usage,
            CatalogAnnouncer announcer,
            AuditLog auditLog,
            CatalogSettings settings,
            ApplicationEventPublisher<CatalogChanged> changed,
            JdbcOperations jdbc) {
        this.images = images;
        this.changes = changes;
        this.usage = usage;
        this.announcer = announcer;
        this.auditLog = auditLog;
        this.settings = settings;
        this.changed = changed;
        this.jdbc = jdbc;
    }

    /**
     * @param serverType only this server type; null for all
     * @param tag only images with this tag; null for all
     * @param includeDeprecated whether deprecated images are listed too
     * @return the images by server type, then reference
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImageEntry> list(ServerType serverType, String tag, boolean includeDeprecated) {
        return images.findAllOrderByServerTypeAscAndReferenceAsc().stream()
                .map(CatalogImageRow::toEntry)
                .filter(image -> serverType == null || image.serverType() == serverType)
                .filter(image -> tag == null || image.tags().contains(tag))
                .filter(image -> includeDeprecated || !image.deprecated())
                .toList();
    }

    /** @throws ImageNotFoundException when there is no such image */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ImageEntry find(UUID id) {
        return images.findById(id).map(CatalogImageRow::toEntry).orElseThrow(() -> new ImageNotFoundException(id));
    }

    /** @return how many notebooks run the image, as the notebooks topic tells */
    @Transactional(Transactional.TxType.SUPPORTS)
    public long notebooksUsing(UUID id) {
        return usage.notebooksUsing(find(id).reference());
    }

    /**
     * Adds an image; made the default when asked or when its server type has none.
     *
     * @throws InvalidImageException for a malformed reference, display name or tag
     * @throws ImageConflictException when the catalog has the reference already
     */
    @Transactional
    public ImageEntry add(NewImage request, Actor actor) {
        Objects.requireNonNull(request.serverType(), "serverType");
        String reference = ImageReference.parse(request.reference()).toString();
        String displayName = ImageRules.displayName(request.displayName());
        String description = ImageRules.description(request.description());
        List<String> tags = ImageRules.tags(request.tags());
        lock();
        if (images.existsByReference(reference)) {
            throw new ImageConflictException(
                    ImageConflictException.Reason.DUPLICATE, "image", reference + " is in the catalog already");
        }
        Optional<ImageEntry> previousDefault = currentDefault(request.serverType());
        if (request.defaultImage() && previousDefault.isPresent()) {
            // a second default is refused; moving the default is an edit of the image that takes it
            throw new ImageConflictException(
                    ImageConflictException.Reason.DEFAULT_IMAGE,
                    "defaultImage",
                    request.serverType().value() + " already has a default image ("
                            + previousDefault.get().reference() + "); add the image, then make it the default");
        }
        boolean isDefault = previousDefault.isEmpty();
        Instant now = now();
        ImageEntry image = new ImageEntry(
                UUID.randomUUID(),
                reference,
                request.serverType(),
                displayName,
                description,
                tags,
                isDefault,
                false,
                actor.user(),
                now,
                now,
                request.checkResult(),
                request.checkOverridden());
        images.save(CatalogImageRow.of(image));
        record(ChangeAction.ADD, null, image, actor, now);
        announcer.added(image, actor);
        if (isDefault) {
            announcer.defaultChanged(previousDefault.orElse(null), image, actor);
        }
        changed.publishEvent(new CatalogChanged());
        return image;
    }

    /**
     * Changes an image's display name, description, tags, default flag or deprecation; a change that changes nothing
     * is not recorded.
     *
     * @throws ImageNotFoundException when there is no such image
     * @throws InvalidImageException for a blank display name, a bad tag, un-defaulting the default (make another the
     *     default instead) or making a deprecated image the default
     * @throws ImageConflictException when deprecating the default
     */
    @Transactional
    public ImageEntry edit(UUID id, ImageEdit edit, Actor actor) {
        lock();
        ImageEntry before = find(id);
        boolean becomesDefault = Boolean.TRUE.equals(edit.defaultImage()) && !before.defaultImage();
        boolean deprecated = edit.deprecated() != null ? edit.deprecated() : before.deprecated();
        if (Boolean.FALSE.equals(edit.defaultImage()) && before.defaultImage()) {
            throw new InvalidImageException(
                    "defaultImage",
                    before.serverType().value() + " needs a default: make another image the default instead");
        }
        if (deprecated && before.defaultImage() && !before.deprecated()) {
            throw new ImageConflictException(
                    ImageConflictException.Reason.DEFAULT_IMAGE,
                    "deprecated",
                    "the default " + before.serverType().value() + " image cannot be deprecated; make another the"
                            + " default first");
        }
        if (becomesDefault && deprecated) {
            throw new InvalidImageException("defaultImage", "a deprecated image cannot be the default");
        }
        Instant now = now();
        ImageEntry after = new ImageEntry(
                before.id(),
                before.reference(),
                before.serverType(),
                edit.displayName() != null ? ImageRules.displayName(edit.displayName()) : before.displayName(),
                edit.description() != null ? ImageRules.description(edit.description()) : before.description(),
                edit.tags() != null ? ImageRules.tags(edit.tags()) : before.tags(),
                before.defaultImage() || becomesDefault,
                deprecated,
                before.addedBy(),
                before.addedAt(),
                now,
                before.checkResult(),
                before.checkOverridden());
        if (after.equals(before.withUpdatedAt(now))) {
            return before;
        }
        Optional<ImageEntry> previousDefault = becomesDefault ? currentDefault(before.serverType()) : Optional.empty();
        previousDefault.ifPresent(previous -> takeDefaultFrom(previous, actor, now));
        images.update(CatalogImageRow.of(after));
        ChangeAction action = deprecated && !before.deprecated()
                ? ChangeAction.DEPRECATE
                : becomesDefault ? ChangeAction.DEFAULT : ChangeAction.EDIT;
        record(action, before, after, actor, now);
        if (action == ChangeAction.DEPRECATE) {
            announcer.deprecated(after, actor);
        } else {
            announcer.updated(after, actor);
        }
        if (becomesDefault) {
            announcer.defaultChanged(previousDefault.orElse(null), after, actor);
        }
        changed.publishEvent(new CatalogChanged());
        return after;
    }

    /**
     * Removes an image from the catalog.
     *
     * @param force remove it even though notebooks run it (they keep running)
     * @return the image as it was
     * @throws ImageNotFoundException when there is no such image
     * @throws ImageConflictException when it is the default, or in use and not forced
     */
    @Transactional
    public ImageEntry remove(UUID id, Actor actor, boolean force) {
        lock();
        ImageEntry image = find(id);
        if (image.defaultImage()) {
            throw new ImageConflictException(
                    ImageConflictException.Reason.DEFAULT_IMAGE,
                    "id",
                    "the default " + image.serverType().value() + " image cannot be removed; make another the"
                            + " default first");
        }
        long using = usage.notebooksUsing(image.reference());
        if (using > 0 && !force) {
            throw new ImageConflictException(
                    ImageConflictException.Reason.IN_USE,
                    "id",
                    using + " notebook(s) run " + image.reference() + "; remove it with force to remove it anyway");
        }
        images.deleteById(id);
        record(ChangeAction.REMOVE, image, null, actor, now());
        announcer.removed(image, actor);
        changed.publishEvent(new CatalogChanged());
        return image;
    }

    /**
     * @return the image's changes, oldest first
     * @throws ImageNotFoundException when the image never existed
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogChange> history(UUID id) {
        List<CatalogChange> history = changes.findByImageIdOrderBySeqAsc(id).stream()
                .map(CatalogService::change)
                .toList();
        if (history.isEmpty()) {
            throw new ImageNotFoundException(id);
        }
        return history;
    }

    /**
     * @param since from (inclusive); null for the beginning
     * @param until to (exclusive); null for now
     * @return the catalog's changes in the period, oldest first
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<CatalogChange> history(Instant since, Instant until) {
        return changes
                .findByChangedAtGreaterThanEqualsAndChangedAtLessThanOrderBySeqAsc(
                        since != null ? since : Instant.EPOCH,
                        until != null ? until : Instant.now().plusSeconds(1))
                .stream()
                .map(CatalogService::change)
                .toList();
    }

    /** @return the catalog as it was at that time (deprecated images included), from its history */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ImageEntry> catalogAt(Instant at) {
        Map<UUID, String> latest = new LinkedHashMap<>();
        for (CatalogChangeRow change : changes.findByChangedAtLessThanEqualsOrderBySeqAsc(at)) {
            latest.put(change.imageId(), change.after());
        }
        return latest.values().stream()
                .filter(Objects::nonNull)
                .map(CatalogJson::image)
                .sorted((a, b) -> a.serverType() != b.serverType()
                        ? a.serverType().compareTo(b.serverType())
                        : a.reference().compareTo(b.reference()))
                .toList();
    }

    /** @return the catalog's part of the spawner's form defaults, as the ConfigMap carries it */
    @Transactional(Transactional.TxType.SUPPORTS)
    public SpawnerFormDefaults spawnerConfig() {
        return SpawnerFormDefaults.of(
                list(null, null, false),
                settings.isAllowCustomImage(),
                settings.isHideRegistry(),
                settings.isHideTag());
    }

    private Optional<ImageEntry> currentDefault(ServerType serverType) {
        return images.findByServerTypeAndDefaultImage(serverType.value(), true).map(CatalogImageRow::toEntry);
    }

    private void takeDefaultFrom(ImageEntry previous, Actor actor, Instant now) {
        ImageEntry demoted = previous.withDefault(false, now);
        images.update(CatalogImageRow.of(demoted));
        record(ChangeAction.DEFAULT, previous, demoted, actor, now);
        announcer.updated(demoted, actor);
    }

    private void record(ChangeAction action, ImageEntry before, ImageEntry after, Actor actor, Instant now) {
        ImageEntry image = after != null ? after : before;
        String beforeJson = before == null ? null : CatalogJson.write(before);
        String afterJson = after == null ? null : CatalogJson.write(after);
        changes.save(new CatalogChangeRow(
                null, image.id(), action.value(), actor.user(), actor.via(), now, beforeJson, afterJson));
        auditLog.record(AuditRecord.allowed("image." + action.value())
                .actor(actor.user(), actor.via())
                .resource(KIND, null, image.id().toString())
                .reason(action == ChangeAction.ADD && image.checkOverridden() ? "image check failed; overridden" : null)
                .before(beforeJson)
                .after(afterJson)
                .time(now)
                .build());
    }

    private void lock() {
        jdbc.prepareStatement("SELECT pg_advisory_xact_lock(?)", statement -> {
            statement.setLong(1, CATALOG_LOCK);
            statement.execute();
            return null;
        });
    }

    private static Instant now() {
        return Instant.now().truncatedTo(ChronoUnit.MICROS);
    }

    private static CatalogChange change(CatalogChangeRow row) {
        return new CatalogChange(
                row.seq(),
                row.imageId(),
                ChangeAction.of(row.action()),
                row.actor(),
                row.via(),
                row.changedAt(),
                row.before(),
                row.after());
    }
}
