package dev.notebooks.profile.controller;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.profile.domain.Profile;
import dev.notebooks.profile.store.ProfileWrite;
import dev.notebooks.profile.store.ProfileWriteRepository;
import io.kubernetes.client.openapi.models.V1ManagedFieldsEntry;
import java.time.Clock;
import java.util.Optional;

/**
 * Who made the change the reconciler observes. A generation this service wrote (the API, registration) is recorded in
 * PostgreSQL by uid and generation; any other is attributed to the field manager that last wrote the spec, via
 * kubectl. Nothing on the Profile itself names a user, so a user who can only edit the Profile cannot make a change
 * someone else's.
 */
final class ChangeAuthors {

    private final ProfileWriteRepository writes;
    private final String self;
    private final Clock clock;

    ChangeAuthors(ProfileWriteRepository writes, String self, Clock clock) {
        this.writes = writes;
        this.self = self;
        this.clock = clock;
    }

    /**
     * @return the author of the profile's generation; empty while it is this service's write whose record has not
     *     committed yet (the API records a write once the API server answered it)
     */
    Optional<Actor> authorOf(Profile profile) {
        Optional<ProfileWrite> recorded = writes.findByUidAndGeneration(
                profile.getMetadata().getUid(), profile.getMetadata().getGeneration());
        if (recorded.isPresent()) {
            return Optional.of(new Actor(recorded.get().actor(), recorded.get().via()));
        }
        Optional<V1ManagedFieldsEntry> newest = SpecManagers.newest(profile.getMetadata(), self);
        if (newest.isEmpty()) {
            return Optional.of(Actor.kubectl(SpecManagers.UNKNOWN));
        }
        if (self.equals(newest.get().getManager())
                && SpecManagers.withinRecordGrace(newest.get().getTime(), clock)) {
            return Optional.empty();
        }
        // written under our name without our record (a crash between write and record, or a borrowed field manager)
        return Optional.of(Actor.kubectl(newest.get().getManager()));
    }

    /** @return the API's caller when the API deleted it, otherwise an unknown user via kubectl */
    Actor deleterOf(Profile profile) {
        return writes.findByUidAndGeneration(profile.getMetadata().getUid(), ProfileWrite.DELETION)
                .map(write -> new Actor(write.actor(), write.via()))
                .orElse(Actor.kubectl(SpecManagers.UNKNOWN));
    }
}
