package org.tandem.referral.internal.shell;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.referral.ProviderDirectory;
import org.tandem.api.referral.ProviderFormat;

@Command(scope = "tandem", name = "provider-export", description = "Writes the whole directory as HSDS-style JSON or CSV")
@Service
public class ProviderExportCommand implements Action {

    @Reference
    private ProviderDirectory directory;

    @Option(name = "-f", aliases = "--format", description = "json or csv (default: from the file name)")
    private String format;

    @Argument(name = "file", required = true, description = "Path of the file to write")
    private String file;

    @Override
    public Object execute() throws Exception {
        ProviderFormat f = format != null ? ProviderFormat.valueOf(format.toUpperCase(Locale.ROOT))
                : file.toLowerCase(Locale.ROOT).endsWith(".csv") ? ProviderFormat.CSV : ProviderFormat.JSON;
        Path path = Path.of(file);
        try (OutputStream out = Files.newOutputStream(path)) {
            directory.export(ConsoleCaller.admin(), f, out);
        }
        System.out.println("Directory written to " + path.toAbsolutePath() + " (" + f + ")");
        return null;
    }
}
