package org.tandem.reports.internal.shell;

import java.security.AccessController;
import java.util.List;

import javax.security.auth.Subject;

import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.AccessDeniedException;
import org.tandem.api.Caller;
import org.tandem.api.CallerResolver;

/** What the report commands share: the console user as a Caller (same rules as REST) and table printing. */
final class ReportCommands {

    private ReportCommands() {
    }

    @SuppressWarnings("removal") // Karaf 4.4 runs console sessions with Subject.doAs
    static Caller caller(CallerResolver resolver) {
        Subject subject = Subject.getSubject(AccessController.getContext());
        return resolver.resolve(subject)
                .orElseThrow(() -> new AccessDeniedException("no authenticated user in this console session"));
    }

    static void print(List<List<String>> rows) {
        ShellTable table = new ShellTable();
        rows.get(0).forEach(table::column);
        rows.subList(1, rows.size()).forEach(r -> table.addRow().addContent(r.toArray()));
        table.print(System.out);
    }
}
