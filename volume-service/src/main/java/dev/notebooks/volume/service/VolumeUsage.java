package dev.notebooks.volume.service;

import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.volume.VolumeSettings;
import dev.notebooks.volume.domain.Claims;
import dev.notebooks.volume.domain.Notebook;
import dev.notebooks.volume.domain.Orphans;
import dev.notebooks.volume.domain.Quantities;
import dev.notebooks.volume.store.VolumeUse;
import dev.notebooks.volume.store.VolumeUseRepository;
import io.kubernetes.client.openapi.models.V1PersistentVolumeClaim;
import io.kubernetes.client.openapi.models.V1Pod;
import io.micronaut.context.annotation.Requires;
import io.micronaut.context.env.Environment;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * When each volume was last mounted, kept in PostgreSQL from notebook events and from what the informers see, and the
 * orphans it reveals: volumes no notebook has mounted for {@code volumes.orphan-after}, paid for and unused.
 */
@Singleton
@Requires(env = Environment.KUBERNETES)
public class VolumeUsage {

    public static final String READ_ORPHANS = "volume.orphans.read";

    private final VolumeUseRepository uses;
    private final VolumeCache cache;
    private final Authorizer authorizer;
    private final VolumeSettings settings;
    private final Clock clock = Clock.systemUTC();

    VolumeUsage(VolumeUseRepository uses, VolumeCache cache, Authorizer authorizer, VolumeSettings settings) {
        this.uses = uses;
        this.cache = cache;
        this.authorizer = authorizer;
        this.settings = settings;
    }

    /** The notebook had these volumes mounted until (or from) {@code at}; a later use already recorded stays. */
    @Transactional
    public void used(String namespace, Collection<String> claims, Instant at) {
        Instant time = at.truncatedTo(ChronoUnit.MICROS);
        for (String claim : claims) {
            uses.used(VolumeCache.key(namespace, claim), namespace, claim, time);
        }
    }

    /** Records every volume a running pod or notebook mounts now as used now; the leader's periodic scan. */
    @Transactional
    public int recordMounted() {
        Instant now = clock.instant().truncatedTo(ChronoUnit.MICROS);
        List<V1PersistentVolumeClaim> mounted =
                cache.allClaims().stream().filter(this::mountedNow).toList();
        for (V1PersistentVolumeClaim claim : mounted) {
            uses.used(
                    VolumeCache.key(Claims.namespace(claim), Claims.name(claim)),
                    Claims.namespace(claim),
                    Claims.name(claim),
                    now);
        }
        return mounted.size();
    }

    /** The namespace's orphans, for its owner (and admins). */
    public List<OrphanItem> orphans(Caller caller, String namespace) {
        authorizer.require(caller, namespace, ProfileRole.OWNER, READ_ORPHANS, VolumeService.KIND, null);
        cache.requireSynced();
        return orphans(
                cache.claims(namespace).stream(),
                uses.findByNamespace(namespace).stream().collect(Collectors.toMap(VolumeUse::id, Function.identity())));
    }

    /** Every namespace's orphans, for admins. */
    public List<OrphanItem> allOrphans(Caller caller) {
        authorizer.requireClusterAdmin(caller, READ_ORPHANS, VolumeService.KIND, null);
        cache.requireSynced();
        return orphans(
                cache.allClaims().stream(),
                uses.findAll().stream().collect(Collectors.toMap(VolumeUse::id, Function.identity())));
    }

    private List<OrphanItem> orphans(Stream<V1PersistentVolumeClaim> claims, Map<String, VolumeUse> lastUses) {
        Instant now = clock.instant();
        return claims.filter(claim -> !Claims.terminating(claim))
                .map(claim -> {
                    String key = VolumeCache.key(Claims.namespace(claim), Claims.name(claim));
                    VolumeUse use = lastUses.get(key);
                    Instant lastUsed = use == null ? null : use.lastUsedAt();
                    Instant created = claim.getMetadata().getCreationTimestamp() == null
                            ? null
                            : claim.getMetadata().getCreationTimestamp().toInstant();
                    if (!Orphans.isOrphan(mountedNow(claim), lastUsed, created, now, settings.getOrphanAfter())) {
                        return null;
                    }
                    String size = Claims.capacity(claim) == null
                            ? Quantities.text(Claims.requested(claim))
                            : Quantities.text(Claims.capacity(claim));
                    String storageClass = Claims.storageClass(claim);
                    return new OrphanItem(
                            Claims.namespace(claim),
                            Claims.name(claim),
                            size,
                            storageClass == null || storageClass.isEmpty() ? null : storageClass,
                            lastUsed,
                            Orphans.idleDays(lastUsed, created, now),
                            cache.notebooksUsing(Claims.namespace(claim), Claims.name(claim)).stream()
                                    .map(Notebook::name)
                                    .sorted()
                                    .toList());
                })
                .filter(item -> item != null)
                .sorted(Comparator.comparing(OrphanItem::namespace).thenComparing(OrphanItem::name))
                .toList();
    }

    /** Mounted now: by a running pod, or by a notebook that is not stopped. */
    boolean mountedNow(V1PersistentVolumeClaim claim) {
        String namespace = Claims.namespace(claim);
        String name = Claims.name(claim);
        return cache.notebooksUsing(namespace, name).stream().anyMatch(notebook -> !notebook.stopped())
                || cache.podsUsing(namespace, name).stream().anyMatch(VolumeUsage::running);
    }

    private static boolean running(V1Pod pod) {
        return pod.getStatus() != null && "Running".equals(pod.getStatus().getPhase());
    }
}
