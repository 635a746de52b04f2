package dev.notebooks.profile.api.contributors;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.profile.api.ProfileAuthorization;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A contributor change that Kubernetes has accepted, recorded: its audit record and its event commit together. */
@Singleton
class ContributorChanges {

    static final String ADD = "contributor.add";
    static final String REMOVE = "contributor.remove";

    private final AuditLog auditLog;
    private final Outbox outbox;
    private final String source;
    private final JsonMapper jsonMapper;

    ContributorChanges(AuditLog auditLog, Outbox outbox, EventsConfiguration events, JsonMapper jsonMapper) {
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.source = events.getSource();
        this.jsonMapper = jsonMapper;
    }

    @Transactional
    void added(Caller caller, String profile, ContributorBinding binding) {
        auditLog.record(record(AuditRecord.allowed(ADD), caller, profile)
                .after(json(Contributor.of(binding.user(), binding.role())))
                .build());
        outbox.publish(PlatformEvent.of(
                source,
                profile,
                new ProfileContributorAdded(Actor.api(caller.user()), profile, binding.user(), binding.role())));
    }

    @Transactional
    void removed(Caller caller, String profile, ContributorBinding binding) {
        auditLog.record(record(AuditRecord.allowed(REMOVE), caller, profile)
                .before(json(Contributor.of(binding.user(), binding.role())))
                .build());
        outbox.publish(PlatformEvent.of(
                source,
                profile,
                new ProfileContributorRemoved(Actor.api(caller.user()), profile, binding.user(), binding.role())));
    }

    private static AuditRecord.Builder record(AuditRecord.Builder record, Caller caller, String profile) {
        return record.actor(caller.user(), caller.remoteAddress())
                .resource(ProfileAuthorization.PROFILE_KIND, null, profile);
    }

    private String json(Contributor contributor) {
        try {
            return jsonMapper.writeValueAsString(contributor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
