package org.tandem.shell.internal;

import java.util.List;

import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.api.console.CommandLine;
import org.apache.karaf.shell.api.console.Completer;
import org.apache.karaf.shell.api.console.Session;
import org.apache.karaf.shell.support.completers.StringsCompleter;
import org.tandem.api.CallerResolver;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.cases.VictimCase;

/** Completes case ids with the console user's agency's most recent cases (nothing for other users). */
@Service
public class CaseIdCompleter implements Completer {

    static final int MAX_CANDIDATES = 50;

    @Reference
    IntakeService intake;

    @Reference
    CallerResolver callers;

    @Override
    public int complete(Session session, CommandLine commandLine, List<String> candidates) {
        StringsCompleter ids = new StringsCompleter();
        try {
            for (VictimCase c : intake.list(ConsoleCaller.current(callers), null, null, 0, MAX_CANDIDATES).items()) {
                ids.getStrings().add(c.id());
            }
        } catch (RuntimeException noAccess) {
            // no agency or role: no candidates, the command itself will say why
        }
        return ids.complete(session, commandLine, candidates);
    }
}
