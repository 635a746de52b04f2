package dev.notebooks.catalog.api.audit;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditPage;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import dev.notebooks.platform.security.Authorizer;
import dev.notebooks.platform.security.Caller;
import dev.notebooks.platform.web.ApiProblems;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;
import io.micronaut.scheduling.TaskExecutors;
import io.micronaut.scheduling.annotation.ExecuteOn;
import io.swagger.v3.oas.annotations.Parameter;

/** This service's audit trail, for admins, with the platform's filters ({@link AuditQuery}). */
@Controller("/api/audit")
@ExecuteOn(TaskExecutors.BLOCKING)
class AuditController {

    private final AuditLog auditLog;
    private final Authorizer authorizer;

    AuditController(AuditLog auditLog, Authorizer authorizer) {
        this.auditLog = auditLog;
        this.authorizer = authorizer;
    }

    @Get
    AuditPage find(@Parameter(hidden = true) Caller caller, @RequestBean AuditQuery query) {
        authorizer.requireClusterAdmin(caller, "audit.read", "AuditRecord", null);
        try {
            return auditLog.find(query);
        } catch (IllegalArgumentException e) {
            throw ApiProblems.invalid("cursor", "is not a cursor this service returned");
        }
    }
}
