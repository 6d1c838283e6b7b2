package org.tandem.shell.internal;

import java.io.PrintStream;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;

import org.apache.karaf.features.Feature;
import org.apache.karaf.features.FeaturesService;
import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.ServiceReference;
import org.osgi.framework.wiring.BundleCapability;
import org.osgi.framework.wiring.BundleRevision;
import org.tandem.api.spi.ExtensionStatus;
import org.tandem.api.store.StoreInfo;

/** {@code tandem:status}: versions, bundles, API packages, features, store, Camel context and extensions at a glance. */
@Service
@Command(scope = "tandem", name = "status", description = "Shows Tandem's versions, bundles, API packages, features, store, Camel context and extensions",
        detailedDescription = "One screen for the admin: is everything installed and active, is the store migrated and reachable.")
public class StatusCommand implements Action {

    @Reference
    BundleContext bundleContext;

    @Reference
    FeaturesService features;

    @Reference(optional = true)
    StoreInfo store;

    @Override
    public Object execute() throws Exception {
        PrintStream out = System.out;
        Bundle api = Arrays.stream(bundleContext.getBundles()).filter(b -> "org.tandem.api".equals(b.getSymbolicName()))
                .findFirst().orElse(null);
        out.println("Tandem " + (api == null ? "?" : api.getVersion()) + " on Karaf " + System.getProperty("karaf.version", "?")
                + ", Java " + System.getProperty("java.version"));

        out.println();
        out.println("Bundles");
        ShellTable bundles = new ShellTable();
        bundles.column("ID").alignRight();
        bundles.column("BUNDLE");
        bundles.column("VERSION");
        bundles.column("STATE");
        Arrays.stream(bundleContext.getBundles()).filter(b -> b.getSymbolicName() != null
                && b.getSymbolicName().startsWith("org.tandem.")).sorted(Comparator.comparing(Bundle::getSymbolicName))
                .forEach(b -> bundles.addRow().addContent(b.getBundleId(), b.getSymbolicName(), b.getVersion(), state(b)));
        bundles.print(out);

        if (api != null && api.adapt(BundleRevision.class) != null) {
            out.println();
            out.println("API packages");
            ShellTable packages = new ShellTable();
            packages.column("PACKAGE");
            packages.column("VERSION");
            List<BundleCapability> exported = api.adapt(BundleRevision.class).getDeclaredCapabilities("osgi.wiring.package");
            exported.stream().sorted(Comparator.comparing(c -> String.valueOf(c.getAttributes().get("osgi.wiring.package"))))
                    .forEach(c -> packages.addRow().addContent(c.getAttributes().get("osgi.wiring.package"),
                            c.getAttributes().get("version")));
            packages.print(out);
        }

        out.println();
        out.println("Features");
        ShellTable table = new ShellTable();
        table.column("FEATURE");
        table.column("VERSION");
        table.column("INSTALLED");
        Arrays.stream(features.listFeatures()).filter(f -> f.getName().startsWith("tandem-"))
                .sorted(Comparator.comparing(Feature::getName))
                .forEach(f -> table.addRow().addContent(f.getName(), f.getVersion(), features.isInstalled(f) ? "yes" : "no"));
        table.print(out);

        out.println();
        StoreInfo current = store;
        if (current == null) {
            out.println("Store       NOT READY (schema not migrated or DataSource missing; see the log)");
        } else {
            out.println("Store       " + current.databaseProduct() + ", schema version " + current.schemaVersion() + ", "
                    + (current.ping() ? "reachable" : "NOT REACHABLE"));
        }
        ServiceReference<?>[] camel = bundleContext.getServiceReferences("org.apache.camel.CamelContext",
                "(camel.context.name=tandem)");
        List<ExtensionStatus> extensions = ExtensionListCommand.rows(bundleContext);
        long routeBuilders = extensions.stream().filter(e -> e.kind().equals("RoutesBuilder")).count();
        out.println("Camel       " + (camel == null ? "context tandem not running (feature tandem-camel-routes)"
                : "context tandem running, " + routeBuilders + " route builder(s)"));
        long failures = extensions.stream().mapToLong(e -> Math.max(0, e.failures())).sum();
        out.println("Extensions  " + extensions.size() + " active, " + failures + " failure(s) (tandem:extension-list)");
        return null;
    }

    private static String state(Bundle b) {
        return switch (b.getState()) {
            case Bundle.ACTIVE -> "ACTIVE";
            case Bundle.RESOLVED -> "RESOLVED";
            case Bundle.INSTALLED -> "INSTALLED";
            case Bundle.STARTING -> "STARTING";
            case Bundle.STOPPING -> "STOPPING";
            case Bundle.UNINSTALLED -> "UNINSTALLED";
            default -> Integer.toString(b.getState());
        };
    }
}
