package org.tandem.referral.internal.shell;

import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.apache.karaf.shell.api.action.Action;
import org.apache.karaf.shell.api.action.Argument;
import org.apache.karaf.shell.api.action.Command;
import org.apache.karaf.shell.api.action.Option;
import org.apache.karaf.shell.api.action.lifecycle.Reference;
import org.apache.karaf.shell.api.action.lifecycle.Service;
import org.tandem.api.FieldError;
import org.tandem.api.ValidationException;
import org.tandem.api.referral.ImportReport;
import org.tandem.api.referral.ProviderDirectory;
import org.tandem.api.referral.ProviderFormat;

@Command(scope = "tandem", name = "provider-import",
        description = "Imports a directory file (HSDS-style JSON or CSV): every row is checked, all rows are stored or none")
@Service
public class ProviderImportCommand implements Action {

    @Reference
    private ProviderDirectory directory;

    @Option(name = "-f", aliases = "--format", description = "json or csv (default: from the file name)")
    private String format;

    @Option(name = "--dry-run", description = "Check and report only, store nothing")
    private boolean dryRun;

    @Argument(name = "file", required = true, description = "Path of the file (relative paths start at the Karaf base)")
    private String file;

    @Override
    public Object execute() throws Exception {
        Path path = Path.of(file);
        ProviderFormat f = format != null ? ProviderFormat.valueOf(format.toUpperCase(Locale.ROOT))
                : file.toLowerCase(Locale.ROOT).endsWith(".csv") ? ProviderFormat.CSV : ProviderFormat.JSON;
        ImportReport report;
        try (InputStream in = Files.newInputStream(path)) {
            report = directory.importProviders(ConsoleCaller.admin(), f, in, dryRun);
        } catch (ValidationException e) {
            System.out.println("Not imported: " + path);
            for (FieldError error : e.errors()) {
                System.out.println("  " + error.field() + ": " + error.message());
            }
            return null;
        }
        if (!report.errors().isEmpty()) {
            long bad = report.errors().stream().map(ImportReport.RowError::row).distinct().count();
            System.out.println("Not imported: " + bad + " of " + report.rows() + " rows are invalid, nothing was stored");
            for (ImportReport.RowError e : report.errors()) {
                System.out.println("  row " + e.row() + (e.line() > 0 ? " (line " + e.line() + ")" : "")
                        + (e.providerId() == null ? "" : " [" + e.providerId() + "]") + " " + e.field() + ": "
                        + e.message());
            }
            return null;
        }
        System.out.println((dryRun ? "Dry run, nothing stored: would create " : "Imported " + report.rows()
                + " provider(s): created ") + report.created() + ", " + (dryRun ? "would update " : "updated ")
                + report.updated());
        return null;
    }
}
