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

/** {@code tandem:report-referrals --quarter 2026Q4}: outcomes per provider of the referrals your agency sent. */
@Service
@Command(scope = "tandem", name = "report-referrals", description = "Referral outcomes per provider for a quarter",
        detailedDescription = "Sent, accepted, declined, completed, open, rates and median response time per provider"
                + " of the referrals your agency sent in the quarter. Supervisors and advocates.")
public class ReferralOutcomeCommand implements Action {

    @Option(name = "-q", aliases = "--quarter", description = "e.g. 2026Q4", required = true)
    String quarter;

    @Reference
    ReportService reports;

    @Reference
    CallerResolver callers;

    @Override
    public Object execute() {
        ReportCommands.print(ReportTables.referralOutcomes(
                reports.referralOutcomes(ReportCommands.caller(callers), Quarter.parse(quarter))));
        return null;
    }
}
