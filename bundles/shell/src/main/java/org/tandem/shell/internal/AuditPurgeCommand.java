package org.tandem.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;
import org.tandem.api.Role;
import org.tandem.api.audit.AuditPurge;
import org.tandem.api.audit.AuditRetention;

/**
 * {@code tandem:audit-purge}: runs the retention purge now (admins only). It deletes only what is older than the
 * configured retention, anchors the chain and is audited as {@code AUDIT_PURGED} with the admin's name.
 */
@Service
@Command(scope = "tandem", name = "audit-purge", description = "Purges audit records older than the retention now",
        detailedDescription = "Admins only. Deletes the audit records older than auditRetentionDays"
                + " (etc/org.tandem.store.cfg, default 365) in batches, after anchoring the chain so that"
                + " tandem:audit-verify verifies from the anchor; the purge itself is audited (AUDIT_PURGED)."
                + " The store also runs it every auditPurgeIntervalHours.")
public class AuditPurgeCommand implements Action {

    @Reference
    AuditRetention retention;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        Caller caller = ConsoleCaller.current(callers);
        if (!caller.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators purge the audit trail");
        }
        AuditPurge p = retention.purge(caller.user(), ConsoleAudit.roles(caller), "console");
        System.out.println("Purged " + p.purged() + " audit record(s) recorded before " + Text.time(p.cutoff())
                + " (retention " + retention.retention().toDays() + " days) in " + p.batches() + " batch(es); the"
                + " chain verifies from anchor seq " + p.anchorSequence());
        return null;
    }
}
