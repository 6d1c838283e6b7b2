package org.tandem.demo.internal;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Caller;
import org.tandem.api.Role;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.NewCase;
import org.tandem.api.cases.PersonRole;
import org.tandem.api.cases.VictimCase;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.api.referral.ProviderRepository;
import org.tandem.api.store.Agency;
import org.tandem.api.store.AgencyKind;
import org.tandem.api.store.AgencyRepository;

/**
 * Loads the demo data set when demo mode is on, and does nothing otherwise. {@code /health} stays
 * DOWN ("demo", see {@link DemoReadiness}) until the accounts and cases are in place, so a script that
 * waits for health can log in straight away.
 */
@Component(immediate = true)
public class DemoDataLoader {

    private static final Logger LOG = LoggerFactory.getLogger(DemoDataLoader.class);

    @Reference
    private IntakeService intake;

    @Reference
    private AgencyRepository agencies;

    /** From the store, so the directory is loaded whether or not tandem-referral is installed. */
    @Reference
    private ProviderRepository providers;

    @Reference
    private ConsentService consents;
    private ExecutorService worker;

    @Activate
    void activate(BundleContext context) {
        if (!DemoMode.enabled()) {
            LOG.debug("Demo mode off (TANDEM_DEMO is not true)");
            return;
        }
        DemoReadiness.LOADED.set(false); // health says DOWN ("demo") until loaded (again)
        worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "tandem-demo-loader"));
        worker.execute(this::load);
    }

    @Deactivate
    void deactivate() {
        if (worker != null) {
            worker.shutdownNow();
        }
    }

    private void load() {
        try {
            agencies.save(new Agency("PD-DEMO", AgencyKind.LAW_ENFORCEMENT, "Springfield Police Department (demo)"));
            agencies.save(new Agency("SO-DEMO", AgencyKind.LAW_ENFORCEMENT, "Demo County Sheriff's Office (demo)"));
            agencies.save(new Agency("VSP-DEMO", AgencyKind.VICTIM_SERVICES, "Safe Harbor Victim Services (demo)"));
            int added = DemoUsers.install(Path.of(System.getProperty("karaf.etc", "etc"), "users.properties"));
            Clock clock = Clock.systemUTC();
            int directory = 0;
            if (providers.count() == 0) {
                directory = providers.saveAll(DemoProviders.all(clock.instant()));
            }
            Caller officer = new Caller("officer", "PD-DEMO", EnumSet.of(Role.OFFICER));
            List<VictimCase> opened = openIfEmpty(officer, DemoCases.forPoliceDepartment(clock));
            consentToSafeHarbor(officer, opened, clock);
            int cases = opened.size()
                    + openIfEmpty(new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER)), DemoCases.forSheriff(clock))
                            .size();
            DemoReadiness.LOADED.set(true);
            String banner = banner(added, cases, directory);
            LOG.info(banner);
            System.out.println(banner);
        } catch (Exception e) {
            LOG.error("Demo data could not be loaded; /health stays DOWN", e);
        }
    }

    private List<VictimCase> openIfEmpty(Caller caller, List<NewCase> cases) {
        if (intake.list(caller, null, null, 0, 1).total() > 0) {
            return List.of();
        }
        List<VictimCase> opened = new ArrayList<>();
        cases.forEach(c -> opened.add(intake.open(caller, c)));
        return opened;
    }

    /**
     * The first demo victim (Maria Lopez) signed a consent to share her name, language and contact with Safe Harbor,
     * so a demo user can refer her straight away; her mother Ana has none (referring her answers 409).
     */
    private void consentToSafeHarbor(Caller officer, List<VictimCase> opened, Clock clock) {
        if (opened.isEmpty()) {
            return;
        }
        VictimCase first = opened.get(0);
        first.persons().stream().filter(p -> p.role() == PersonRole.PRIMARY_VICTIM).findFirst()
                .ifPresent(p -> consents.record(officer, new NewConsent(first.id(), p.id(),
                        ConsentScope.SHARE_WITH_PROVIDER, Recipient.provider(DemoProviders.SAFE_HARBOR),
                        "Referral to Safe Harbor for counseling and safety planning", ConsentForm.WRITTEN, null,
                        clock.instant().plus(Duration.ofDays(180)))));
    }

    private static String banner(int accountsAdded, int casesOpened, int providersAdded) {
        String port = System.getProperty("org.osgi.service.http.port", "8181");
        StringBuilder b = new StringBuilder("\n=== Tandem demo mode ===\n");
        b.append("API:      http://localhost:").append(port).append("/tandem/api/v1  (health: /tandem/api/v1/health)\n");
        b.append("Users (password \"").append(DemoUsers.PASSWORD).append("\"):\n");
        for (DemoUsers.Account a : DemoUsers.ACCOUNTS) {
            b.append(String.format("  %-11s %-9s %s%n", a.user(), a.agency() == null ? "-" : a.agency(), a.roles().get(0)));
        }
        b.append("Loaded: ").append(accountsAdded).append(" account entries added, ").append(casesOpened)
                .append(" demo cases opened, ").append(providersAdded).append(" directory providers added\n");
        b.append("Referrals: advocate (VSP-DEMO) acts on referrals to Safe Harbor (").append(DemoProviders.SAFE_HARBOR)
                .append("); see docs/referrals.md\n");
        b.append("Not for production: demo passwords are public.\n");
        return b.toString();
    }
}
