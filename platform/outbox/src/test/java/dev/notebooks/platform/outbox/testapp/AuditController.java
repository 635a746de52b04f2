package dev.notebooks.platform.outbox.testapp;

import dev.notebooks.platform.outbox.audit.AuditLog;
import dev.notebooks.platform.outbox.audit.AuditPage;
import dev.notebooks.platform.outbox.audit.AuditQuery;
import io.micronaut.http.annotation.Controller;
import io.micronaut.http.annotation.Get;
import io.micronaut.http.annotation.RequestBean;

/** {@code GET /api/audit} as every service exposes it (minus its authorization check). */
@Controller("/api/audit")
class AuditController {

    private final AuditLog auditLog;

    AuditController(AuditLog auditLog) {
        this.auditLog = auditLog;
    }

    @Get
    AuditPage find(@RequestBean AuditQuery query) {
        return auditLog.find(query);
    }
}
