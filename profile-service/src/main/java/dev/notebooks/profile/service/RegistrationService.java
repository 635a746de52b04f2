package dev.notebooks.profile.service;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.account.AccountCreated;
import dev.notebooks.platform.events.account.AccountDeleted;
import dev.notebooks.platform.kube.MergePatchBuilder;
import dev.notebooks.platform.kube.ResourceClient;
import dev.notebooks.platform.kube.ResourceTypes;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.profile.RegistrationSettings;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.domain.ProfileAnnotations;
import dev.notebooks.profile.domain.ProfileNames;
import dev.notebooks.profile.domain.ProfileResources;
import dev.notebooks.profile.domain.Quotas;
import io.kubernetes.client.openapi.ApiException;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.HttpURLConnection;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kubeflow's dashboard registration, done by events: a new account gets a profile it owns; a deleted account leaves
 * its profiles in place, marked with {@link ProfileAnnotations#OWNER_ACCOUNT} (so they are not Ready) until an account
 * with that email is created again, and that is audited. The Profile is written like the API writes one, attributed
 * to this service acting on its own, and the reconciler makes the rest.
 *
 * <p>Safe to run twice for one account: a profile the user already owns (an earlier delivery's, or one an admin made)
 * means there is nothing to do.
 */
@Singleton
public class RegistrationService {

    /** The actor of the writes and audit records, as {@code Actor.controller("registration")}. */
    static final String ACTOR = "registration";

    static final String CREATE = "profile.create";
    static final String OWNER_ACCOUNT_DELETED = "profile.owner-account-deleted";

    /** {@code jane}, {@code jane-2} ... {@code jane-100}; beyond that something is wrong, and the event is retried. */
    private static final int MAX_CANDIDATES = 100;

    private static final String SOURCE = "controller";

    private static final Logger LOG = LoggerFactory.getLogger(RegistrationService.class);

    private final ResourceClient client;
    private final ProfileIndex listing;
    private final RegistrationSettings settings;
    private final AuditLog auditLog;
    private final ProfileWrites writes;
    private final JsonMapper jsonMapper;

    RegistrationService(
            ResourceClient client,
            ProfileIndex listing,
            RegistrationSettings settings,
            AuditLog auditLog,
            ProfileWrites writes,
            JsonMapper jsonMapper) {
        this.client = client;
        this.listing = listing;
        this.settings = settings;
        this.auditLog = auditLog;
        this.writes = writes;
        this.jsonMapper = jsonMapper;
    }

    /**
     * Clears the deleted-account mark from the user's profiles, then creates their profile, unless registration is off
     * or they own one already.
     */
    public void accountCreated(AccountCreated account) {
        List<Profile> owned = listing.ownedBy(account.email()).toList();
        owned.stream()
                .filter(ProfileAnnotations::ownerAccountDeleted)
                .forEach(profile -> markOwnerAccount(profile, null));
        if (!settings.isAutoCreate()) {
            return;
        }
        if (!owned.isEmpty()) {
            LOG.info(
                    "{} already owns profile {}; registration creates none",
                    account.email(),
                    owned.get(0).name());
            return;
        }
        try {
            create(account);
        } catch (ApiException e) {
            throw new IllegalStateException(
                    "creating the profile of " + account.email() + " failed: HTTP " + e.getCode(), e);
        }
    }

    /**
     * Keeps the user's profiles, marks each as owned by a deleted account (the reconciler then reports it not Ready),
     * and records that.
     */
    public void accountDeleted(AccountDeleted account) {
        listing.ownedBy(account.email()).forEach(profile -> {
            markOwnerAccount(profile, ProfileAnnotations.OWNER_ACCOUNT_DELETED);
            auditLog.record(AuditRecord.allowed(OWNER_ACCOUNT_DELETED)
                    .actor(ACTOR, SOURCE)
                    .resource(Profile.KIND, null, profile.name())
                    .reason("the account of owner " + account.email() + " was deleted; the profile is kept")
                    .build());
        });
    }

    /** Sets (or, with null, removes) the annotation: metadata only, so the generation stays. */
    private void markOwnerAccount(Profile profile, String value) {
        MergePatchBuilder patch = MergePatchBuilder.mergePatch();
        if (value == null) {
            patch.remove("metadata.annotations", ProfileAnnotations.OWNER_ACCOUNT);
        } else {
            patch.put("metadata.annotations", ProfileAnnotations.OWNER_ACCOUNT, value);
        }
        try {
            client.mergePatch(ProfileResources.PROFILES, null, profile.name(), patch.build());
        } catch (ApiException e) {
            if (e.getCode() != HttpURLConnection.HTTP_NOT_FOUND) {
                throw new IllegalStateException(
                        "marking the owner account of profile " + profile.name() + " failed: HTTP " + e.getCode(), e);
            }
            // deleted since the cache saw it: nothing left to mark
        }
    }

    private void create(AccountCreated account) throws ApiException {
        Iterator<String> candidates =
                ProfileNames.candidates(account.email(), MAX_CANDIDATES).iterator();
        while (candidates.hasNext()) {
            String name = candidates.next();
            Optional<Profile> existing = client.get(ProfileResources.PROFILES, null, name);
            if (existing.isPresent() && account.email().equals(existing.get().ownerName())) {
                return; // an earlier attempt made it, but its commit did not reach the database
            }
            if (existing.isPresent()
                    || client.get(ResourceTypes.NAMESPACE, null, name).isPresent()) {
                continue;
            }
            try {
                Profile created = client.create(ProfileResources.PROFILES, profile(name, account.email()));
                writes.wrote(
                        created,
                        Actor.controller(ACTOR),
                        AuditRecord.allowed(CREATE)
                                .actor(ACTOR, SOURCE)
                                .resource(Profile.KIND, null, created.name())
                                .after(summary(account))
                                .build());
                LOG.info("Registered profile {} for {}", created.name(), account.email());
                return;
            } catch (ApiException e) {
                if (e.getCode() != HttpURLConnection.HTTP_CONFLICT) {
                    throw e;
                }
                // someone took the name since we looked: try the next one
            }
        }
        throw new IllegalStateException("no free profile name for " + account.email() + " among "
                + ProfileNames.base(account.email()) + "-2 .. -" + MAX_CANDIDATES);
    }

    private Profile profile(String name, String owner) {
        Map<String, String> quota = settings.getDefaultQuota();
        Profile profile = Profile.of(
                name, new Profile.Spec(Profile.Owner.user(owner), quota.isEmpty() ? null : Quotas.spec(quota), null));
        return profile;
    }

    private String summary(AccountCreated account) {
        Map<String, Object> summary = new LinkedHashMap<>();
        summary.put("owner", account.email());
        summary.put("userId", account.userId());
        summary.put("resourceQuota", settings.getDefaultQuota());
        summary.put("plugins", List.of());
        try {
            return jsonMapper.writeValueAsString(summary);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
