package org.tandem.shell.internal;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Set;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.Constants;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.tandem.api.spi.ExtensionMonitor;
import org.tandem.api.spi.ExtensionStatus;

/**
 * {@code tandem:extension-list}: every active extension — intake enrichers and validators and route
 * builders (with their call and failure counts, from the platform's {@link ExtensionMonitor}s), event
 * handlers on {@code org/tandem/...} topics and any other SPI service — and the bundle it comes from.
 */
@Service
@Command(scope = "tandem", name = "extension-list", description = "Lists the active extensions (SPI implementations) and the bundles they come from",
        detailedDescription = "Intake enrichers/validators and Camel route builders with calls, failures and the last failure; "
                + "event handlers on org/tandem topics; other services of org.tandem.api.spi types.")
public class ExtensionListCommand implements Action {

    /** Monitored by an ExtensionMonitor already, or the monitor itself. */
    private static final Set<String> MONITORED = Set.of("org.tandem.api.spi.IntakeEnricher",
            "org.tandem.api.spi.IntakeValidator", "org.tandem.api.spi.ExtensionMonitor", "org.apache.camel.RoutesBuilder");

    @Reference
    BundleContext bundleContext;

    @Override
    public Object execute() throws InvalidSyntaxException {
        List<ExtensionStatus> rows = rows(bundleContext);
        ShellTable table = new ShellTable();
        table.column("KIND");
        table.column("NAME");
        table.column("BUNDLE");
        table.column("SERVICE").alignRight();
        table.column("RANKING").alignRight();
        table.column("AGENCIES");
        table.column("CALLS").alignRight();
        table.column("FAILURES").alignRight();
        table.column("LAST FAILURE");
        for (ExtensionStatus s : rows) {
            table.addRow().addContent(s.kind(), Text.cut(s.name(), 60), s.bundle(), s.serviceId(), s.ranking(),
                    s.agencies().isEmpty() ? "all" : Text.join(s.agencies()), s.invocations() < 0 ? "-" : s.invocations(),
                    s.failures() < 0 ? "-" : s.failures(), Text.cut(s.lastFailure(), 60));
        }
        table.print(System.out);
        System.out.println(rows.size() + " extension(s)");
        return null;
    }

    static List<ExtensionStatus> rows(BundleContext context) throws InvalidSyntaxException {
        List<ExtensionStatus> rows = new ArrayList<>();
        Collection<ServiceReference<ExtensionMonitor>> monitors = context.getServiceReferences(ExtensionMonitor.class, null);
        for (ServiceReference<ExtensionMonitor> ref : monitors) {
            ExtensionMonitor monitor = context.getService(ref);
            if (monitor != null) {
                try {
                    rows.addAll(monitor.extensions());
                } finally {
                    context.ungetService(ref);
                }
            }
        }
        ServiceReference<?>[] handlers = context.getAllServiceReferences("org.osgi.service.event.EventHandler", null);
        for (ServiceReference<?> ref : handlers == null ? new ServiceReference<?>[0] : handlers) {
            List<String> topics = strings(ref.getProperty("event.topics"));
            if (topics.stream().anyMatch(t -> t.startsWith("org/tandem/"))) {
                rows.add(unmonitored("EventHandler", String.join(",", topics), ref));
            }
        }
        ServiceReference<?>[] all = context.getAllServiceReferences(null, null);
        for (ServiceReference<?> ref : all == null ? new ServiceReference<?>[0] : all) {
            for (String type : strings(ref.getProperty(Constants.OBJECTCLASS))) {
                boolean spi = type.startsWith("org.tandem.api.spi.") || type.endsWith(".NotificationChannel");
                if (spi && !MONITORED.contains(type)) {
                    rows.add(unmonitored(type.substring(type.lastIndexOf('.') + 1), type, ref));
                }
            }
        }
        return rows;
    }

    private static ExtensionStatus unmonitored(String kind, String name, ServiceReference<?> ref) {
        Bundle b = ref.getBundle();
        Object named = ref.getProperty("tandem.extension.name");
        return new ExtensionStatus(kind, named instanceof String s ? s : name, (Long) ref.getProperty(Constants.SERVICE_ID),
                b == null ? "?" : b.getSymbolicName() + " " + b.getVersion(),
                ref.getProperty(Constants.SERVICE_RANKING) instanceof Integer r ? r : 0,
                strings(ref.getProperty("tandem.agency")), -1, -1, null);
    }

    static List<String> strings(Object value) {
        if (value instanceof String s) {
            return List.of(s);
        }
        if (value instanceof String[] a) {
            return Arrays.asList(a);
        }
        if (value instanceof Collection<?> c) {
            return c.stream().map(String::valueOf).toList();
        }
        return List.of();
    }
}
