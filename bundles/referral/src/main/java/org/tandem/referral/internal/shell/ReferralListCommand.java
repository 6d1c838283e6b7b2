package org.tandem.referral.internal.shell;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.referral.ReferralService;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralView;

@Command(scope = "tandem", name = "referral-list",
        description = "Lists referrals of every agency (ids, statuses and times only); --overdue: SENT past the configured business days")
@Service
public class ReferralListCommand implements Action {

    @Reference
    private ReferralService referrals;

    @Option(name = "-o", aliases = "--overdue", description = "Only overdue referrals, longest waiting first")
    private boolean overdue;

    @Option(name = "-s", aliases = "--status", description = "Only this status, e.g. SENT")
    private String status;

    @Option(name = "-n", aliases = "--limit", description = "How many to show")
    private int limit = 100;

    @Override
    public Object execute() {
        ReferralStatus s = status == null ? null : ReferralStatus.valueOf(status.toUpperCase(Locale.ROOT));
        List<ReferralView> found = referrals.all(s, overdue, Math.max(1, limit));
        ShellTable table = new ShellTable();
        table.column("Referral");
        table.column("Status");
        table.column("Provider");
        table.column("Referring agency");
        table.column("Case");
        table.column("Sent at");
        table.column("Waiting");
        table.column("Overdue");
        Instant now = Instant.now();
        for (ReferralView v : found) {
            table.addRow().addContent(v.id(), v.status().name(),
                    v.providerName() == null ? v.providerId() : v.providerName() + " (" + v.providerId() + ")",
                    v.referringAgencyId(), v.caseId(), v.sentAt() == null ? "" : v.sentAt().toString(),
                    v.sentAt() == null ? "" : Duration.between(v.sentAt(), now).toHours() + " h",
                    v.overdue() ? "OVERDUE" : "");
        }
        table.print(System.out);
        System.out.println(found.size() + (overdue ? " overdue" : "") + " referral(s)");
        return null;
    }
}
