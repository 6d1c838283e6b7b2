package org.tandem.shell.internal;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.Page;
import org.tandem.api.cases.CaseStatus;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.VictimCase;

/** {@code tandem:case-list}: the console user's agency's cases, paged, without names (see case-show). */
@Service
@Command(scope = "tandem", name = "case-list", description = "Lists the cases of your agency (no names; tandem:case-show shows one case)",
        detailedDescription = "Same rules as GET /cases: roles officer, advocate or supervisor, only your agency's cases, paged.")
public class CaseListCommand implements Action {

    @Option(name = "-s", aliases = "--status", description = "Only cases with this status: OPEN or CLOSED")
    @Completion(value = StringsCompleter.class, values = { "OPEN", "CLOSED" })
    String status;

    @Option(name = "-i", aliases = "--incident", description = "Only cases of this RMS incident number")
    String incident;

    @Option(name = "-p", aliases = "--page", description = "Page number, from 0")
    int page = 0;

    @Option(name = "-n", aliases = "--size", description = "Cases per page (1 to the intake's maxPageSize)")
    int size = Page.DEFAULT_SIZE;

    @Reference
    IntakeService intake;

    @Reference
    CallerResolver callers;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        Caller caller = ConsoleCaller.current(callers);
        CaseStatus statusFilter = status == null ? null : parseStatus(status);
        Page<VictimCase> result = intake.list(caller, statusFilter, incident, page, size);
        ConsoleAudit.record(audit, caller, "case-list", "cases", null, null,
                "page=" + page + ",size=" + size + (incident == null ? "" : ",incident") + (status == null ? "" : ",status"),
                "OK " + result.items().size());
        ShellTable table = new ShellTable();
        table.column("ID");
        table.column("INCIDENT");
        table.column("ORI");
        table.column("STATUS");
        table.column("PERSONS").alignRight();
        table.column("NEEDS");
        table.column("CREATED (UTC)");
        table.column("BY");
        for (VictimCase c : result.items()) {
            table.addRow().addContent(c.id(), Text.or(c.incident() == null ? null : c.incident().number()),
                    Text.or(c.incident() == null ? null : c.incident().ori()), c.status(), c.persons().size(),
                    Text.join(c.needs()), Text.time(c.createdAt()), c.createdBy());
        }
        table.print(System.out);
        System.out.println("Agency " + caller.agencyId() + ": page " + result.page() + " (size " + result.size() + "), "
                + result.items().size() + " of " + result.total() + " case(s)");
        return null;
    }

    private static CaseStatus parseStatus(String value) {
        try {
            return CaseStatus.valueOf(value.trim().toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException("--status must be OPEN or CLOSED, not " + value);
        }
    }
}
