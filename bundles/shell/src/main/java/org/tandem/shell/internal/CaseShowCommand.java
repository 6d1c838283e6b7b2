package org.tandem.shell.internal;

import java.io.PrintStream;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Completion;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;
import org.tandem.api.audit.AuditLog;
import org.tandem.api.cases.ContactPreferences;
import org.tandem.api.cases.Incident;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.Person;
import org.tandem.api.cases.VictimCase;

/** {@code tandem:case-show ID}: one case of the console user's agency, as GET /cases/{id} shows it. */
@Service
@Command(scope = "tandem", name = "case-show", description = "Shows one case of your agency: incident, persons, contact rules, needs",
        detailedDescription = "Same rules as GET /cases/{id}: roles officer, advocate or supervisor; another agency's case is 'not found'.")
public class CaseShowCommand implements Action {

    @Argument(index = 0, name = "id", description = "The case id (tab completes your agency's recent cases)", required = true)
    @Completion(CaseIdCompleter.class)
    String id;

    @Reference
    IntakeService intake;

    @Reference
    CallerResolver callers;

    @Reference
    AuditLog audit;

    @Override
    public Object execute() {
        Caller caller = ConsoleCaller.current(callers);
        java.util.Optional<VictimCase> found = intake.get(caller, id);
        ConsoleAudit.record(audit, caller, "case-show", "case", id, found.isPresent() ? id : null, null,
                found.isPresent() ? "OK" : "NOT_FOUND");
        VictimCase c = found.orElseThrow(() -> new IllegalArgumentException("no such case: " + id));
        PrintStream out = System.out;
        out.println("Case      " + c.id());
        out.println("Agency    " + c.agencyId());
        out.println("Status    " + c.status());
        Incident i = c.incident();
        if (i != null) {
            out.println("Incident  " + Text.or(i.number()) + "  ORI " + Text.or(i.ori()) + "  occurred "
                    + Text.time(i.occurredAt()) + "  offenses " + Text.join(i.offenses()));
            out.println("Location  " + Text.or(i.location()));
        }
        out.println("Needs     " + Text.join(c.needs()));
        out.println("Created   " + Text.time(c.createdAt()) + " by " + c.createdBy() + ", updated " + Text.time(c.updatedAt()));
        out.println("Narrative " + Text.cut(c.narrative(), 200));
        ShellTable persons = new ShellTable();
        persons.column("PERSON");
        persons.column("ROLE");
        persons.column("RELATIONSHIP");
        persons.column("NAME");
        persons.column("LANGUAGE");
        persons.column("CHANNELS");
        persons.column("SAFE TO CONTACT");
        persons.column("SAFE HOURS");
        for (Person p : c.persons()) {
            ContactPreferences contact = p.contact() == null ? ContactPreferences.none() : p.contact();
            String hours = contact.safeHours() == null ? "-"
                    : contact.safeHours().from() + "-" + contact.safeHours().to() + " " + contact.safeHours().zone();
            persons.addRow().addContent(p.id(), p.role(), Text.or(p.relationship()),
                    (Text.or(p.givenName()) + " " + (p.familyName() == null ? "" : p.familyName())).trim(),
                    Text.or(p.language()), Text.join(contact.channels()),
                    contact.safeToContact() ? "yes" : "NO (alternate: " + Text.or(contact.alternateContact()) + ")", hours);
        }
        persons.print(out);
        return null;
    }
}
