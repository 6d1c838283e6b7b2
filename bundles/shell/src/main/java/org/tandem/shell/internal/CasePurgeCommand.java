package org.tandem.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;
import org.tandem.api.Role;
import org.tandem.api.cases.CasePurge;
import org.tandem.api.cases.CaseRetention;

/**
 * {@code tandem:case-purge}: runs the closed-case retention purge now (admins only). It deletes only CLOSED cases
 * closed for longer than the configured retention, each with all its data in one transaction, and audits every case
 * as {@code CASE_PURGED} with the admin's name. Open cases are never purged.
 */
@Service
@Command(scope = "tandem", name = "case-purge", description = "Purges cases closed longer than the retention now",
        detailedDescription = "Admins only. Deletes every CLOSED case whose closing is older than caseRetentionDays"
                + " (etc/org.tandem.store.cfg, default 2555 = 7 years; 0 = never) with all its persons, consents,"
                + " referrals, notifications, notices, tasks, registrations and claims, one transaction per case;"
                + " each purged case is audited (CASE_PURGED, the case id only). The audit trail is kept. The store"
                + " also runs it every casePurgeIntervalHours.")
public class CasePurgeCommand implements Action {

    @Reference
    CaseRetention retention;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        Caller caller = ConsoleCaller.current(callers);
        if (!caller.roles().contains(Role.ADMIN)) {
            throw new AccessDeniedException("Only administrators purge cases");
        }
        CasePurge p = retention.purge(caller.user(), ConsoleAudit.roles(caller), "console");
        if (p.cutoff() == null) {
            System.out.println("Closed cases are never purged (caseRetentionDays = 0): nothing deleted");
            return null;
        }
        System.out.println("Purged " + p.purged() + " case(s) closed before " + Text.time(p.cutoff()) + " (retention "
                + retention.retention().map(d -> d.toDays() + " days").orElse("off") + "), " + p.rows()
                + " row(s) in all" + (p.failed() == 0 ? "" : "; " + p.failed() + " case(s) FAILED and were left"
                        + " whole for the next run (see the log)"));
        return null;
    }
}
