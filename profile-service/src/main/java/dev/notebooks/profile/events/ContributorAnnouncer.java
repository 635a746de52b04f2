package dev.notebooks.profile.events;

import dev.notebooks.platform.events.Actor;
import dev.notebooks.platform.events.PlatformEvent;
import dev.notebooks.platform.events.config.EventsConfiguration;
import dev.notebooks.platform.events.profile.ProfileContributorAdded;
import dev.notebooks.platform.events.profile.ProfileContributorRemoved;
import dev.notebooks.platform.outbox.Outbox;
import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditRecord;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.profile.service.ContributorBinding;
import dev.notebooks.profile.service.ContributorService;
import dev.notebooks.profile.service.ProfileAuthorization;
import io.micronaut.json.JsonMapper;
import io.micronaut.serde.annotation.Serdeable;
import jakarta.inject.Singleton;
import jakarta.transaction.Transactional;
import java.io.IOException;
import java.io.UncheckedIOException;

/** A contributor change that Kubernetes has accepted, recorded: its audit record and its event commit together. */
@Singleton
public class ContributorAnnouncer {

    /** What an audit record keeps of a contributor. */
    @Serdeable
    record ContributorSummary(String user, String role) {}

    private final AuditLog auditLog;
    private final Outbox outbox;
    private final String source;
    private final JsonMapper jsonMapper;

    ContributorAnnouncer(AuditLog auditLog, Outbox outbox, EventsConfiguration events, JsonMapper jsonMapper) {
        this.auditLog = auditLog;
        this.outbox = outbox;
        this.source = events.getSource();
        this.jsonMapper = jsonMapper;
    }

    @Transactional
    public void added(Caller caller, String profile, ContributorBinding binding) {
        auditLog.record(record(AuditRecord.allowed(ContributorService.ADD), caller, profile)
                .after(json(
                        new ContributorSummary(binding.user(), binding.role().value())))
                .build());
        outbox.publish(PlatformEvent.of(
                source,
                profile,
                new ProfileContributorAdded(Actor.api(caller.user()), profile, binding.user(), binding.role())));
    }

    @Transactional
    public void removed(Caller caller, String profile, ContributorBinding binding) {
        auditLog.record(record(AuditRecord.allowed(ContributorService.REMOVE), caller, profile)
                .before(json(
                        new ContributorSummary(binding.user(), binding.role().value())))
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

    private String json(ContributorSummary contributor) {
        try {
            return jsonMapper.writeValueAsString(contributor);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
