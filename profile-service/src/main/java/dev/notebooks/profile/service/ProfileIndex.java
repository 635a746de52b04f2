package dev.notebooks.profile.service;

import dev.notebooks.platform.kube.KubeConfiguration;
import dev.notebooks.platform.kube.runtime.InformerCache;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.security.ProfileAccess;
import dev.notebooks.platform.security.ProfileRole;
import dev.notebooks.platform.security.ProfileRoles;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileResources;
import io.kubernetes.client.informer.SharedIndexInformer;
import io.micronaut.context.event.StartupEvent;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.HttpStatus;
import io.micronaut.http.exceptions.HttpStatusException;
import io.micronaut.runtime.event.annotation.EventListener;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * Every profile, from the reconciler's informer cache, so listing never calls the API server. Objects read from the
 * cache are shared with the reconciler and only ever read here.
 */
@Singleton
public class ProfileIndex {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 500;

    private final InformerCache informers;
    private final KubeConfiguration configuration;
    private final ProfileRoles profileRoles;

    ProfileIndex(InformerCache informers, KubeConfiguration configuration, ProfileRoles profileRoles) {
        this.informers = informers;
        this.configuration = configuration;
        this.profileRoles = profileRoles;
    }

    public Stream<Profile> all() {
        return syncedInformer().getIndexer().list().stream();
    }

    public Stream<Profile> ownedBy(String user) {
        return all().filter(profile -> user.equals(profile.ownerName()));
    }

    /** The profiles the caller can reach (all of them for an admin) with their role, by name, after {@code cursor}. */
    public ProfileSlice page(Caller caller, @Nullable String cursor, @Nullable Integer limit) {
        int size = limit == null ? DEFAULT_LIMIT : Math.max(1, Math.min(limit, MAX_LIMIT));
        NavigableMap<String, ProfileRole> roles = accessibleBy(caller);
        NavigableMap<String, ProfileRole> fromCursor = cursor == null ? roles : roles.tailMap(cursor, false);
        List<ProfileAndRole> items = fromCursor.entrySet().stream()
                .map(entry -> view(entry.getKey(), entry.getValue()))
                .flatMap(Optional::stream)
                .limit(size + 1L)
                .toList();
        if (items.size() <= size) {
            return new ProfileSlice(items, null);
        }
        List<ProfileAndRole> page = items.subList(0, size);
        return new ProfileSlice(List.copyOf(page), page.get(size - 1).profile().name());
    }

    /** Whether the profile cache holds every profile; until then listing answers 503. */
    public boolean hasSynced() {
        return informer().hasSynced();
    }

    @EventListener
    void onStartup(StartupEvent event) {
        informer();
        informers.start();
    }

    /**
     * Profile name to the caller's role, for every profile they can reach: the owner from the Profile, contributors
     * from their bindings, as {@link ProfileAuthorization} decides.
     */
    public NavigableMap<String, ProfileRole> accessibleBy(Caller caller) {
        TreeMap<String, ProfileRole> roles = new TreeMap<>();
        if (caller.admin()) {
            all().forEach(profile -> roles.put(profile.name(), ProfileRole.ADMIN));
            return roles;
        }
        ownedBy(caller.user()).forEach(profile -> roles.put(profile.name(), ProfileRole.OWNER));
        for (ProfileAccess access : profileRoles.profilesFor(caller)) {
            boolean contributor = access.role() == ProfileRole.EDIT || access.role() == ProfileRole.VIEW;
            if (contributor && isProfile(access.namespace())) {
                roles.putIfAbsent(access.namespace(), access.role());
            }
        }
        return roles;
    }

    private boolean isProfile(String name) {
        return syncedInformer().getIndexer().getByKey(name) != null;
    }

    private Optional<ProfileAndRole> view(String name, ProfileRole role) {
        return Optional.ofNullable(syncedInformer().getIndexer().getByKey(name))
                .map(profile -> new ProfileAndRole(profile, role));
    }

    private SharedIndexInformer<Profile> syncedInformer() {
        SharedIndexInformer<Profile> informer = informer();
        if (!informer.hasSynced()) {
            throw new HttpStatusException(HttpStatus.SERVICE_UNAVAILABLE, "The profile cache is still loading");
        }
        return informer;
    }

    // the reconciler registers the same informer: whichever asks first creates it, with the same resync period
    private SharedIndexInformer<Profile> informer() {
        return informers.informer(ProfileResources.PROFILES, configuration.getResyncPeriod());
    }
}
