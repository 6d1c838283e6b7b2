package org.tandem.reports.internal.shell;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.CallerResolver;
import org.tandem.reports.internal.Quarter;
import org.tandem.reports.internal.ReportService;
import org.tandem.reports.internal.ReportTables;

/** {@code tandem:report-voca --quarter 2026Q4}: the VOCA performance measures of your agency, as GET /reports/voca-pmt. */
@Service
@Command(scope = "tandem", name = "report-voca", description = "VOCA/OVC performance measures of your agency for a quarter",
        detailedDescription = "Counts only: victims served (new, continuing), victimization types, demographics, OVC"
                + " service areas. Supervisors and advocates. --csv prints CSV (as GET /reports/voca-pmt?format=csv).")
public class VocaReportCommand implements Action {

    @Option(name = "-q", aliases = "--quarter", description = "e.g. 2026Q4", required = true)
    String quarter;

    @Option(name = "--csv", description = "CSV instead of a table")
    boolean csv;

    @Reference
    ReportService reports;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        var rows = ReportTables.voca(reports.voca(ReportCommands.caller(callers), Quarter.parse(quarter)));
        if (csv) {
            System.out.print(ReportTables.csv(rows));
        } else {
            ReportCommands.print(rows);
        }
        return null;
    }
}
