package org.tandem.reports.internal;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.ReferralTransition;

/**
 * Closed-loop outcomes per provider of the referrals an agency sent in a quarter: how many were accepted, declined,
 * completed or are still open, and how fast the provider answered (median minutes from sent to accepted/declined).
 */
public record ReferralOutcomes(String agencyId, String quarter, List<ProviderOutcome> providers) {

    /** Rates are fractions of {@code sent}; the median is null while no referral was answered. */
    public record ProviderOutcome(String providerId, String providerName, long sent, long accepted, long declined,
            long completed, long open, double acceptedRate, double declinedRate, double completedRate,
            Long medianResponseMinutes) {
    }

    static ReferralOutcomes compute(String agencyId, Quarter q, List<Referral> referrals,
            Function<String, String> providerName) {
        Map<String, List<Referral>> byProvider = new LinkedHashMap<>();
        referrals.stream().filter(r -> agencyId.equals(r.agencyId()) && q.contains(r.sentAt()))
                .sorted(Comparator.comparing(Referral::providerId))
                .forEach(r -> byProvider.computeIfAbsent(r.providerId(), k -> new ArrayList<>()).add(r));
        List<ProviderOutcome> out = new ArrayList<>();
        byProvider.forEach((id, list) -> {
            long accepted = count(list, ReferralStatus.ACCEPTED);
            long declined = count(list, ReferralStatus.DECLINED);
            long completed = count(list, ReferralStatus.COMPLETED);
            long open = list.stream().filter(r -> !r.status().isFinal()).count();
            List<Long> minutes = new ArrayList<>();
            for (Referral r : list) {
                r.history().stream()
                        .filter(t -> t.to() == ReferralStatus.ACCEPTED || t.to() == ReferralStatus.DECLINED)
                        .map(ReferralTransition::at).min(Comparator.naturalOrder())
                        .ifPresent(at -> minutes.add(Duration.between(r.sentAt(), at).toMinutes()));
            }
            long sent = list.size();
            out.add(new ProviderOutcome(id, providerName.apply(id), sent, accepted, declined, completed, open,
                    rate(accepted, sent), rate(declined, sent), rate(completed, sent), median(minutes)));
        });
        return new ReferralOutcomes(agencyId, q.toString(), out);
    }

    /** Referrals that reached the status at some point (an accepted referral later completed counts as accepted). */
    private static long count(List<Referral> list, ReferralStatus status) {
        return list.stream().filter(r -> r.status() == status || r.history().stream().anyMatch(t -> t.to() == status))
                .count();
    }

    private static double rate(long n, long of) {
        return of == 0 ? 0 : Math.round(1000.0 * n / of) / 1000.0;
    }

    static Long median(List<Long> values) {
        if (values.isEmpty()) {
            return null;
        }
        List<Long> sorted = values.stream().sorted().toList();
        int mid = sorted.size() / 2;
        return sorted.size() % 2 == 1 ? sorted.get(mid) : (sorted.get(mid - 1) + sorted.get(mid)) / 2;
    }
}
