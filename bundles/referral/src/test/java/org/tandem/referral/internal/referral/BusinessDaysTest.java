package org.tandem.referral.internal.referral;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.tandem.api.cases.ServiceCategory;
import org.tandem.api.referral.Referral;
import org.tandem.api.referral.ReferralStatus;
import org.tandem.api.referral.Urgency;

class BusinessDaysTest {

    private static final ZoneId CHICAGO = ZoneId.of("America/Chicago");
    private final BusinessDays three = new BusinessDays(3, CHICAGO);

    private static Instant chicago(String local) {
        return LocalDateTime.parse(local).atZone(CHICAGO).toInstant();
    }

    private static Referral sent(Instant at, ReferralStatus status) {
        return new Referral("r", "c", "PD-DEMO", "p", "prv", List.of(ServiceCategory.COUNSELING), Urgency.ROUTINE, null,
                status, null, "officer", at, at, at, 1, List.of());
    }

    @Test
    void weekendsDoNotCount() {
        // 2026-11-16 is a Monday
        assertThat(three.deadline(chicago("2026-11-16T10:00"))).isEqualTo(chicago("2026-11-19T10:00"));
        assertThat(three.deadline(chicago("2026-11-19T10:00"))).as("Thursday").isEqualTo(chicago("2026-11-24T10:00"));
        assertThat(three.deadline(chicago("2026-11-20T16:30"))).as("Friday").isEqualTo(chicago("2026-11-25T16:30"));
        assertThat(three.deadline(chicago("2026-11-21T09:00"))).as("Saturday").isEqualTo(chicago("2026-11-25T09:00"));
        assertThat(new BusinessDays(1, CHICAGO).deadline(chicago("2026-11-20T10:00"))).isEqualTo(chicago("2026-11-23T10:00"));
        Instant now = Instant.parse("2026-11-21T12:00:00Z");
        assertThat(new BusinessDays(0, CHICAGO).deadline(now)).isEqualTo(now);
        assertThatThrownBy(() -> new BusinessDays(-1, CHICAGO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void localTimeIsKeptAcrossTheEndOfDaylightSavingTime() {
        // DST ends in Chicago on 2026-11-01 (a Sunday)
        assertThat(three.deadline(chicago("2026-10-29T10:00"))).isEqualTo(chicago("2026-11-03T10:00"));
        assertThat(Duration.between(chicago("2026-10-29T10:00"), chicago("2026-11-03T10:00")))
                .isEqualTo(Duration.ofDays(5).plusHours(1));
    }

    @Test
    void overdueOnlyWhenStillSentAndPastTheDeadline() {
        Referral r = sent(chicago("2026-11-16T10:00"), ReferralStatus.SENT);
        assertThat(three.overdue(r, chicago("2026-11-19T10:00"))).as("at the deadline").isFalse();
        assertThat(three.overdue(r, chicago("2026-11-19T10:00").plusMillis(1))).isTrue();
        assertThat(three.overdue(sent(chicago("2026-11-16T10:00"), ReferralStatus.ACCEPTED), chicago("2026-12-19T10:00")))
                .isFalse();
        assertThat(new BusinessDays(0, CHICAGO).overdue(r, r.sentAt().plusMillis(1))).isTrue();
    }

    /** The store pre-filter must never lose an overdue referral: checked every 37 minutes over five weeks. */
    @Test
    void candidateCutoffIsASupersetOfOverdue() {
        for (int days : new int[] {0, 1, 3, 5}) {
            BusinessDays policy = new BusinessDays(days, CHICAGO);
            Instant now = chicago("2026-11-10T08:00");
            for (Instant sentAt = chicago("2026-10-10T00:00"); sentAt.isBefore(now); sentAt = sentAt.plusSeconds(37 * 60)) {
                if (policy.overdue(sent(sentAt, ReferralStatus.SENT), now)) {
                    assertThat(sentAt).as(days + " days, sent " + sentAt).isBefore(policy.candidatesSentBefore(now));
                }
            }
        }
    }
}
