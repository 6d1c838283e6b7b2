package org.tandem.referral.internal.shell;

import java.util.Locale;
import java.util.stream.Collectors;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.Page;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Provider;
import org.tandem.api.referral.ProviderDirectory;
import org.tandem.api.referral.ProviderMatch;
import org.tandem.api.referral.ProviderQuery;

@Command(scope = "tandem", name = "provider-list", description = "Searches the provider directory, ranked like GET /providers")
@Service
public class ProviderListCommand implements Action {

    @Reference
    private ProviderDirectory directory;

    @Option(name = "-s", aliases = "--service", description = "Service category, e.g. COUNSELING")
    private String service;

    @Option(name = "-l", aliases = "--language", description = "Preferred language (ranks, does not filter), e.g. es")
    private String language;

    @Option(name = "-a", aliases = "--area", description = "County name or 5-digit ZIP code")
    private String area;

    @Option(name = "-n", aliases = "--size", description = "How many to show (at most 200)")
    private int size = 50;

    @Argument(name = "text", description = "Text in the name, description or service names")
    private String text;

    @Override
    public Object execute() {
        ServiceCategory category = service == null ? null : ServiceCategory.valueOf(service.toUpperCase(Locale.ROOT));
        Page<ProviderMatch> page = directory.search(ConsoleCaller.admin(),
                new ProviderQuery(category, language, area, text, 0, Math.max(1, Math.min(size, Page.MAX_SIZE))));
        ShellTable table = new ShellTable();
        table.column("Id");
        table.column("Name");
        table.column("Accepting");
        table.column("Lang match");
        table.column("Services");
        table.column("Languages");
        table.column("Area");
        table.column("Agency");
        for (ProviderMatch m : page.items()) {
            Provider p = m.provider();
            table.addRow().addContent(p.id(), p.name(), p.acceptingReferrals() ? "yes" : "no",
                    language == null ? "" : m.languageMatch() ? "yes" : "no",
                    p.services().stream().map(s -> s.category().name()).distinct().collect(Collectors.joining(",")),
                    String.join(",", p.languages()),
                    p.serviceArea().statewide() ? "statewide" : String.join(",", p.serviceArea().counties())
                            + (p.serviceArea().zipCodes().isEmpty() ? "" : " " + String.join(",", p.serviceArea().zipCodes())),
                    p.agencyId() == null ? "" : p.agencyId());
        }
        table.print(System.out);
        System.out.println(page.items().size() + " of " + page.total() + " provider(s)");
        return null;
    }
}
