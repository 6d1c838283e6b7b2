package org.tandem.demo.internal;

import java.nio.file.Path;
import java.time.Clock;
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
            int cases = openIfEmpty(new Caller("officer", "PD-DEMO", EnumSet.of(Role.OFFICER)),
                    DemoCases.forPoliceDepartment(clock))
                    + openIfEmpty(new Caller("officer2", "SO-DEMO", EnumSet.of(Role.OFFICER)), DemoCases.forSheriff(clock));
            DemoReadiness.LOADED.set(true);
            String banner = banner(added, cases);
            LOG.info(banner);
            System.out.println(banner);
        } catch (Exception e) {
            LOG.error("Demo data could not be loaded; /health stays DOWN", e);
        }
    }

    private int openIfEmpty(Caller caller, List<NewCase> cases) {
        if (intake.list(caller, null, null, 0, 1).total() > 0) {
            return 0;
        }
        cases.forEach(c -> intake.open(caller, c));
        return cases.size();
    }

    private static String banner(int accountsAdded, int casesOpened) {
        String port = System.getProperty("org.osgi.service.http.port", "8181");
        StringBuilder b = new StringBuilder("\n=== Tandem demo mode ===\n");
        b.append("API:      http://localhost:").append(port).append("/tandem/api/v1  (health: /tandem/api/v1/health)\n");
        b.append("Users (password \"").append(DemoUsers.PASSWORD).append("\"):\n");
        for (DemoUsers.Account a : DemoUsers.ACCOUNTS) {
            b.append(String.format("  %-11s %-9s %s%n", a.user(), a.agency() == null ? "-" : a.agency(), a.roles().get(0)));
        }
        b.append("Loaded: ").append(accountsAdded).append(" account entries added, ").append(casesOpened)
                .append(" demo cases opened\n");
        b.append("Not for production: demo passwords are public.\n");
        return b.toString();
    }
}
