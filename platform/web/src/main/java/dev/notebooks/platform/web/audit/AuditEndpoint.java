package dev.notebooks.platform.web.audit;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditPage;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.context.annotation.Requires;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * Every service's audit trail, for cluster admins: {@code GET /api/audit} with the platform's filters
 * ({@code actor, resourceKind, namespace, name, action, outcome, from, to, limit, cursor}; {@link AuditQuery}) and, where
 * the service names one ({@link AuditEndpointSettings}), a parameter for its own resource, such as profile-service's
 * {@code ?profile=team-a}.
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
@Requires(beans = {AuditLog.class, Authorizer.class})
class AuditEndpoint {

    static final String READ = "audit.read";

    private final AuditLog auditLog;
    private final Authorizer authorizer;
    private final AuditEndpointSettings settings;

    AuditEndpoint(AuditLog auditLog, Authorizer authorizer, AuditEndpointSettings settings) {
        this.auditLog = auditLog;
        this.authorizer = authorizer;
        this.settings = settings;
    }

    @Get
    AuditPage find(@Parameter(hidden = true) Caller caller, @RequestBean AuditQuery query, HttpRequest<?> request) {
        authorizer.requireClusterAdmin(caller, READ, "AuditRecord", null);
        AuditQuery filtered = settings.getResourceParameter()
                .flatMap(parameter -> request.getParameters().getFirst(parameter))
                .map(name -> query.withResource(settings.getResourceKind(), query.namespace(), name))
                .orElse(query);
        try {
            return auditLog.find(filtered);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this service returned");
        }
    }
}
