package org.tandem.bench;

import java.util.ArrayList;
import java.util.List;

/** The result table (Markdown, readable as plain text too), notes and the profile summary. */
final class Report {

    private final List<OptionalBench.Row> rows = new ArrayList<>();
    private final List<String> notes = new ArrayList<>();
    private final List<String> profiles = new ArrayList<>();

    void row(String measurement, String tandem, String baseline, String ratio, String target, Boolean met) {
        rows.add(new OptionalBench.Row(measurement, tandem, baseline, ratio, target,
                met == null ? "" : met ? "met" : "NOT met"));
    }

    void row(OptionalBench.Row row) {
        rows.add(row);
    }

    void note(String note) {
        notes.add(note);
    }

    void profile(String summary) {
        profiles.add(summary);
    }

    String markdown() {
        StringBuilder b = new StringBuilder();
        b.append("| measurement | Tandem | raw JDBC baseline (same run) | ratio | target | |\n");
        b.append("|---|---|---|---|---|---|\n");
        for (OptionalBench.Row r : rows) {
            b.append("| ").append(r.measurement()).append(" | ").append(r.tandem()).append(" | ").append(r.baseline())
                    .append(" | ").append(r.ratio()).append(" | ").append(r.target()).append(" | ").append(r.verdict())
                    .append(" |\n");
        }
        b.append('\n');
        for (String n : notes) {
            b.append("- ").append(n).append('\n');
        }
        for (String p : profiles) {
            b.append("\n```\n").append(p).append("```\n");
        }
        return b.toString();
    }
}
