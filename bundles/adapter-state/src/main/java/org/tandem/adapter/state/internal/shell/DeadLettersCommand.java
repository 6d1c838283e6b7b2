package org.tandem.adapter.state.internal.shell;

import java.util.List;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.apache.karaf.shell.support.table.ShellTable;
import org.tandem.api.integration.DeadLetter;
import org.tandem.api.integration.DeadLetterRepository;

/** {@code tandem:dead-letters [--source route]}: what the integration routes gave up on, and why. */
@Service
@Command(scope = "tandem", name = "dead-letters", description = "List unresolved dead letters of the integration routes")
public class DeadLettersCommand implements Action {

    @Reference
    private DeadLetterRepository deadLetters;

    @Option(name = "--source", description = "Only this route, e.g. state-claim-send or rms-folder-intake")
    private String source;

    @Option(name = "--max", description = "At most this many (newest first)")
    private int max = 50;

    @Override
    public Object execute() {
        List<DeadLetter> list = deadLetters.unresolved(source, max);
        ShellTable table = new ShellTable();
        table.column("Failed at");
        table.column("Source");
        table.column("Reference");
        table.column("Reason").maxSize(100);
        for (DeadLetter d : list) {
            table.addRow().addContent(d.failedAt(), d.source(), d.reference(), d.reason());
        }
        table.print(System.out);
        return null;
    }
}
