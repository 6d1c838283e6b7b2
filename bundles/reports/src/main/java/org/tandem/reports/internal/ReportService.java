package org.tandem.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.Page;
import org.tandem.api.Role;
import org.tandem.api.cases.CaseQuery;
import org.tandem.api.cases.CaseRepository;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.notification.Notification;
import org.tandem.api.notification.NotificationRepository;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralQuery;
import org.tandem.api.referral.ReferralRepository;

/**
 * Loads an agency's data through the store's repositories (always scoped to the caller's agency) and computes the
 * reports. Supervisors and advocates of an agency; counts only, so no consent is involved.
 */
@Component(service = ReportService.class)
public class ReportService {

    private static final Set<Role> ALLOWED = Set.of(Role.SUPERVISOR, Role.ADVOCATE);

    private final CaseRepository cases;
    private final ReferralRepository referrals;
    private final NotificationRepository notifications;
    private final ProviderRepository providers;

    @Activate
    public ReportService(@Reference(name = "cases") CaseRepository cases,
            @Reference(name = "referrals") ReferralRepository referrals,
            @Reference(name = "notifications") NotificationRepository notifications,
            @Reference(name = "providers") ProviderRepository providers) {
        this.cases = cases;
        this.referrals = referrals;
        this.notifications = notifications;
        this.providers = providers;
    }

    public VocaReport voca(Caller caller, Quarter q) {
        String agency = agencyOf(caller);
        List<VictimCase> agencyCases = cases(agency);
        List<Notification> sent = new ArrayList<>();
        for (VictimCase c : agencyCases) {
            if (VocaCalculator.servedIn(c, q.start(), q.end())) {
                for (int page = 0;; page++) {
                    Page<Notification> p = notifications.forCase(agency, c.id(), page, Page.MAX_SIZE);
                    sent.addAll(p.items());
                    if ((long) (page + 1) * Page.MAX_SIZE >= p.total()) {
                        break;
                    }
                }
            }
        }
        return VocaCalculator.compute(agency, q, agencyCases, referrals(agency), sent);
    }

    public ReferralOutcomes referralOutcomes(Caller caller, Quarter q) {
        String agency = agencyOf(caller);
        return ReferralOutcomes.compute(agency, q, referrals(agency),
                id -> providers.find(id).map(Provider::name).orElse(id));
    }

    private static String agencyOf(Caller caller) {
        if (caller.agencyId() == null || caller.roles().stream().noneMatch(ALLOWED::contains)) {
            throw new AccessDeniedException("Reports are for an agency's supervisors and advocates");
        }
        return caller.agencyId();
    }

    private List<VictimCase> cases(String agency) {
        List<VictimCase> out = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<VictimCase> p = cases.search(new CaseQuery(agency, null, null, page, Page.MAX_SIZE));
            out.addAll(p.items());
            if ((long) (page + 1) * Page.MAX_SIZE >= p.total()) {
                return out;
            }
        }
    }

    /** The referrals the agency made (the query also returns referrals sent to its providers; those are not its own). */
    private List<Referral> referrals(String agency) {
        List<Referral> out = new ArrayList<>();
        for (int page = 0;; page++) {
            Page<Referral> p = referrals.search(new ReferralQuery(agency, null, null, null, null, page, Page.MAX_SIZE));
            p.items().stream().filter(r -> agency.equals(r.agencyId())).forEach(out::add);
            if ((long) (page + 1) * Page.MAX_SIZE >= p.total()) {
                return out;
            }
        }
    }
}
