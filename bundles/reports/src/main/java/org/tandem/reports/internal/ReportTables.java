package org.tandem.reports.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The reports as rows (section, item, value): the CSV body and the console table. */
public final class ReportTables {

    private ReportTables() {
    }

    public static List<List<String>> voca(VocaReport r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("section", "item", "count"));
        rows.add(List.of("period", r.quarter(), r.periodStart() + "/" + r.periodEnd()));
        rows.add(List.of("victims", "served", Long.toString(r.victimsServed())));
        rows.add(List.of("victims", "new", Long.toString(r.newVictims())));
        rows.add(List.of("victims", "continuing", Long.toString(r.continuingVictims())));
        rows.add(List.of("victims", "primary", Long.toString(r.primaryVictims())));
        rows.add(List.of("victims", "secondary", Long.toString(r.secondaryVictims())));
        add(rows, "victimization type", r.victimizationTypes());
        r.demographics().forEach((dimension, values) -> add(rows, "demographics: " + dimension, values));
        add(rows, "service area (victims)", r.serviceAreas());
        add(rows, "service (instances)", r.services());
        return rows;
    }

    public static List<List<String>> referralOutcomes(ReferralOutcomes r) {
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of("providerId", "provider", "sent", "accepted", "declined", "completed", "open", "acceptedRate",
                "declinedRate", "completedRate", "medianResponseMinutes"));
        for (ReferralOutcomes.ProviderOutcome p : r.providers()) {
            rows.add(List.of(p.providerId(), p.providerName(), Long.toString(p.sent()), Long.toString(p.accepted()),
                    Long.toString(p.declined()), Long.toString(p.completed()), Long.toString(p.open()),
                    Double.toString(p.acceptedRate()), Double.toString(p.declinedRate()),
                    Double.toString(p.completedRate()),
                    p.medianResponseMinutes() == null ? "" : Long.toString(p.medianResponseMinutes())));
        }
        return rows;
    }

    private static void add(List<List<String>> rows, String section, Map<String, Long> values) {
        values.forEach((k, v) -> rows.add(List.of(section, k, Long.toString(v))));
    }

    /** RFC 4180: every field quoted when it holds a comma, quote or line break; CRLF line ends. */
    public static String csv(List<List<String>> rows) {
        StringBuilder out = new StringBuilder();
        for (List<String> row : rows) {
            for (int i = 0; i < row.size(); i++) {
                String v = row.get(i) == null ? "" : row.get(i);
                // a leading =,+,-,@ would be a formula in a spreadsheet: neutralised
                if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?[0-9.]+")) {
                    v = "'" + v;
                }
                boolean quote = v.contains(",") || v.contains("\"") || v.contains("\n") || v.contains("\r");
                out.append(i == 0 ? "" : ",").append(quote ? "\"" + v.replace("\"", "\"\"") + "\"" : v);
            }
            out.append("\r\n");
        }
        return out.toString();
    }
}
