package dev.notebooks.notebook.api.audit;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditPage;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.QueryValue;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/**
 * This service's audit trail, for admins: the platform's filters ({@code actor, action, outcome, from, to, limit,
 * cursor} and the rest of {@link AuditQuery}) plus {@code notebook}, every record about one notebook (with {@code
 * namespace}).
 */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    static final String NOTEBOOK_KIND = "Notebook";

    private final AuditLog auditLog;
    private final Authorizer authorizer;

    AuditController(AuditLog auditLog, Authorizer authorizer) {
        this.auditLog = auditLog;
        this.authorizer = authorizer;
    }

    @Get
    AuditPage find(
            @Parameter(hidden = true) Caller caller,
            @RequestBean AuditQuery query,
            @Nullable @QueryValue String notebook) {
        authorizer.requireClusterAdmin(caller, "audit.read", "AuditRecord", null);
        AuditQuery filtered = notebook == null ? query : query.withResource(NOTEBOOK_KIND, query.namespace(), notebook);
        try {
            return auditLog.find(filtered);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this service returned");
        }
    }
}
