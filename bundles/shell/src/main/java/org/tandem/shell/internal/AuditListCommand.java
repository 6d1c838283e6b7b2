package org.tandem.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.audit.AuditQuery;
import org.tandem.api.audit.AuditRecord;

/** {@code tandem:audit-list}: the audit trail of the supervisor's agency, as GET /audit. */
@Service
@Command(scope = "tandem", name = "audit-list", description = "Lists the audit trail of your agency, newest first",
        detailedDescription = "Supervisors only, like GET /audit. Filters: --case, --user.")
public class AuditListCommand implements Action {

    @Option(name = "-c", aliases = "--case", description = "Only records about this case")
    String caseId;

    @Option(name = "-u", aliases = "--user", description = "Only records of this user")
    String user;

    @Option(name = "-n", aliases = "--size", description = "Records to show (1 to 200)")
    int size = 50;

    @Reference
    AuditLog audit;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        Caller caller = ConsoleCaller.current(callers);
        if (!caller.roles().contains(Role.SUPERVISOR) || caller.agencyId() == null) {
            throw new AccessDeniedException("Only an agency's supervisors read its audit trail");
        }
        Page<AuditRecord> page = audit.search(new AuditQuery(caller.agencyId(), caseId, user, null, null, 0, size));
        ConsoleAudit.record(audit, caller, "audit-list", "audit", null, caseId, null, "OK " + page.items().size());
        ShellTable table = new ShellTable();
        for (String c : new String[] {"SEQ", "TIME (UTC)", "USER", "ACTION", "OBJECT", "CASE", "CLIENT", "OUTCOME"}) {
            table.column(c);
        }
        for (AuditRecord r : page.items()) {
            table.addRow().addContent(r.sequence(), Text.time(r.recordedAt()), Text.or(r.event().user()),
                    r.event().action(), Text.or(r.event().objectId()), Text.or(r.event().caseId()),
                    Text.or(r.event().clientAddress()), r.event().outcome());
        }
        table.print(System.out);
        System.out.println(page.total() + " record(s) in all");
        return null;
    }
}
