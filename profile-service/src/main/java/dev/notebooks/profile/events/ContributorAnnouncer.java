package dev.notebooks.profile.events;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.profile.service.ContributorBinding;
import dev.notebooks.profile.service.ContributorService;
import dev.notebooks.profile.service.ContributorSummary;
import dev.notebooks.profile.service.ProfileAuthorization;
import dev.notebooks.profile.store.ContributorObservation;
import dev.notebooks.profile.store.ContributorObservationRepository;
import dev.notebooks.profile.store.ContributorWrite;
import dev.notebooks.profile.store.ContributorWriteRepository;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Announces the contributors the reconciler observes in a profile's namespace (KFAM's RoleBindings), whoever wrote
 * them: added when a binding appears, removed when it goes, each once (the observation rows and the outbox rows commit
 * together). A binding the API created or deleted is its caller's (the API recorded that, with its own audit record);
 * any other change is audited here and attributed to the binding's field manager, via kubectl.
 */
@Singleton
public class ContributorAnnouncer {

    static final String UNKNOWN_WRITER = "unknown";

    /**
     * A contributor binding as the reconciler sees it.
     *
     * @param uid the RoleBinding's uid
     * @param manager the field manager that created it
     * @param recordPending written under this service's own field manager a moment ago: the API's record of it may
     *     not have committed yet
     */
    public record Observed(String uid, ContributorBinding binding, String manager, boolean recordPending) {}

    private final ContributorObservationRepository observations;
    private final ContributorWriteRepository writes;
    private final AuditLog auditLog;
    private final Outbox outbox;
    private final String source;
    private final JsonMapper jsonMapper;

    ContributorAnnouncer(
            ContributorObservationRepository observations,
            ContributorWriteRepository writes,
            AuditLog auditLog,
            Outbox outbox,
            EventsConfiguration events,
            JsonMapper jsonMapper) {
        this.observations = observations;
        this.writes = writes;
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.source = events.getSource();
        this.jsonMapper = jsonMapper;
    }

    /**
     * @param current the contributor bindings in the profile's namespace now
     * @return false when a binding was left unannounced because its author is not known yet: observe again soon
     */
    @Transactional
    public boolean contributorsObserved(String profile, List<Observed> current) {
        List<ContributorObservation> last = observations.findByProfile(profile);
        Set<String> announced =
                last.stream().map(ContributorObservation::bindingUid).collect(Collectors.toSet());
        Set<String> present = current.stream().map(Observed::uid).collect(Collectors.toSet());
        boolean complete = true;
        for (Observed added : current) {
            if (announced.contains(added.uid())) {
                continue;
            }
            Optional<Actor> recorded = recorded(added.uid(), ContributorWrite.ADD);
            if (recorded.isEmpty() && added.recordPending()) {
                complete = false;
                continue;
            }
            Actor actor = recorded.orElse(Actor.kubectl(added.manager()));
            ContributorBinding binding = added.binding();
            outbox.publish(PlatformEvent.of(
                    source, profile, new ProfileContributorAdded(actor, profile, binding.user(), binding.role())));
            auditIfKubectl(actor, ContributorService.ADD, profile, null, binding);
            observations.save(ContributorObservation.of(
                    profile, added.uid(), binding.user(), binding.role().value()));
        }
        for (ContributorObservation gone : last) {
            if (present.contains(gone.bindingUid())) {
                continue;
            }
            Actor actor = recorded(gone.bindingUid(), ContributorWrite.REMOVE).orElse(Actor.kubectl(UNKNOWN_WRITER));
            ContributorBinding binding = new ContributorBinding(
                    null, gone.user(), ContributorBinding.role(gone.role()).orElseThrow());
            outbox.publish(PlatformEvent.of(
                    source, profile, new ProfileContributorRemoved(actor, profile, binding.user(), binding.role())));
            auditIfKubectl(actor, ContributorService.REMOVE, profile, binding, null);
            observations.delete(gone);
            writes.deleteByBindingUid(gone.bindingUid());
        }
        return complete;
    }

    /** The profile is gone, its contributors with it: announced by {@code profile.deleted}, forgotten here. */
    @Transactional
    public void profileGone(String profile) {
        observations.findByProfile(profile).forEach(gone -> writes.deleteByBindingUid(gone.bindingUid()));
        observations.deleteByProfile(profile);
    }

    private Optional<Actor> recorded(String uid, String action) {
        return writes.findByBindingUidAndAction(uid, action).map(write -> new Actor(write.actor(), write.via()));
    }

    private void auditIfKubectl(
            Actor actor, String action, String profile, ContributorBinding before, ContributorBinding after) {
        if (!Actor.VIA_KUBECTL.equals(actor.via())) {
            return;
        }
        auditLog.record(AuditRecord.allowed(action)
                .actor(actor.user(), Actor.VIA_KUBECTL)
                .resource(ProfileAuthorization.PROFILE_KIND, null, profile)
                .before(before == null ? null : ContributorSummary.of(before).json(jsonMapper))
                .after(after == null ? null : ContributorSummary.of(after).json(jsonMapper))
                .build());
    }
}
