package dev.notebooks.profile.events;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.EventData;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.profile.ProfileCreated;
import dev.notebooks.platform.events.profile.ProfileDeleted;
import dev.notebooks.platform.events.profile.ProfileFailed;
import dev.notebooks.platform.events.profile.ProfileReady;
import dev.notebooks.platform.events.profile.ProfileSpec;
import dev.notebooks.platform.events.profile.ProfileUpdated;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.store.ProfileObservation;
import dev.notebooks.profile.store.ProfileObservationRepository;
import dev.notebooks.profile.store.ProfileWriteRepository;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * Announces what the reconciler observes of a profile (created, updated, deleted, ready, failed) on the topic
 * {@code profiles}, once each: the observation row that remembers it and the outbox row of the event commit together.
 * Changes made through kubectl also get an audit record here; the REST API audits its own.
 */
@Singleton
public class ProfileAnnouncer {

    static final String KIND = "Profile";
    static final String CREATE = "profile.create";
    static final String UPDATE = "profile.update";
    static final String DELETE = "profile.delete";
    static final String UNKNOWN_WRITER = "unknown";

    private final ProfileObservationRepository observations;
    private final ProfileWriteRepository writes;
    private final Outbox outbox;
    private final AuditLog auditLog;
    private final String source;

    ProfileAnnouncer(
            ProfileObservationRepository observations,
            ProfileWriteRepository writes,
            Outbox outbox,
            AuditLog auditLog,
            EventsConfiguration configuration) {
        this.observations = observations;
        this.writes = writes;
        this.outbox = outbox;
        this.auditLog = auditLog;
        this.source = configuration.getSource();
    }

    /**
     * A profile not announced yet is created; one whose spec changed since its last announcement is updated.
     *
     * @param author who made the generation, asked only when there is something to announce; empty while it is not
     *     known yet
     * @return false when there was something to announce but its author is not known yet: observe it again soon
     */
    @Transactional
    public boolean specObserved(Profile profile, Supplier<Optional<Actor>> author) {
        String name = profile.name();
        long generation = profile.getMetadata().getGeneration();
        ProfileSpec spec = ProfileSpecs.of(profile.getSpec());
        Optional<ProfileObservation> last = observations.findById(name);
        if (last.isPresent() && !last.get().uid().equals(profile.getMetadata().getUid())) {
            // deleted and created again while nobody watched: the old one's end is announced first
            ProfileSpec before = ProfileSpecs.parse(last.get().spec());
            publish(name, new ProfileDeleted(Actor.kubectl(UNKNOWN_WRITER), name, before));
            observations.delete(last.get());
            writes.deleteByUid(last.get().uid());
            last = Optional.empty();
        }
        if (last.isPresent() && last.get().generation() == generation) {
            return true;
        }
        Optional<Actor> known = author.get();
        if (known.isEmpty()) {
            return false;
        }
        Actor actor = known.get();
        if (last.isEmpty()) {
            publish(name, new ProfileCreated(actor, name, spec));
            auditIfKubectl(actor, CREATE, name, null, spec);
            observations.save(ProfileObservation.first(
                    name, profile.getMetadata().getUid(), generation, ProfileSpecs.json(spec)));
            return true;
        }
        ProfileSpec before = ProfileSpecs.parse(last.get().spec());
        if (!before.equals(spec)) {
            publish(name, new ProfileUpdated(actor, name, before, spec));
            auditIfKubectl(actor, UPDATE, name, before, spec);
        }
        observations.update(last.get().withSpec(generation, ProfileSpecs.json(spec)));
        return true;
    }

    /** Ready or failed, when that differs from the last announcement; the reason of a failure goes with it. */
    @Transactional
    public void readinessObserved(Profile profile, boolean ready, String reason, String message) {
        Optional<ProfileObservation> last = observations.findById(profile.name());
        if (last.isEmpty() || Objects.equals(last.get().ready(), ready)) {
            return;
        }
        Actor controller = Actor.controller(source);
        publish(
                profile.name(),
                ready
                        ? new ProfileReady(controller, profile.name(), profile.name())
                        : new ProfileFailed(controller, profile.name(), reason, message));
        observations.update(last.get().withReady(ready));
    }

    /** The profile is going: announced once, with the spec it had. */
    @Transactional
    public void deletionObserved(Profile profile, Actor actor) {
        Optional<ProfileObservation> last = observations
                .findById(profile.name())
                .filter(observed -> observed.uid().equals(profile.getMetadata().getUid()));
        if (last.isEmpty()) {
            return;
        }
        ProfileSpec spec = ProfileSpecs.parse(last.get().spec());
        publish(profile.name(), new ProfileDeleted(actor, profile.name(), spec));
        auditIfKubectl(actor, DELETE, profile.name(), spec, null);
        observations.delete(last.get());
        writes.deleteByUid(last.get().uid());
    }

    private void publish(String name, EventData data) {
        outbox.publish(PlatformEvent.of(source, name, data));
    }

    private void auditIfKubectl(Actor actor, String action, String name, ProfileSpec before, ProfileSpec after) {
        if (!Actor.VIA_KUBECTL.equals(actor.via())) {
            return;
        }
        auditLog.record(AuditRecord.allowed(action)
                .actor(actor.user(), Actor.VIA_KUBECTL)
                .resource(KIND, null, name)
                .before(before == null ? null : ProfileSpecs.json(before))
                .after(after == null ? null : ProfileSpecs.json(after))
                .build());
    }
}
