package org.tandem.it.harness;

import java.nio.charset.StandardCharsets;

/**
 * The case every benchmark and crash run opens: one incident with one offense, a primary victim with
 * full contact preferences (2 channels, safe hours) and a secondary victim (1 channel), two needs.
 * Stored, that is 9 rows in 5 tables: 1 victim_case, 1 case_offense, 2 case_need, 2 case_person,
 * 3 person_channel (the JDBC baseline inserts exactly these rows).
 */
public final class CaseBodies {

    private static final String TEMPLATE = "{\"incident\":{\"number\":\"%s\",\"ori\":\"IL0160000\","
            + "\"occurredAt\":\"2026-11-20T22:15:00Z\",\"offenses\":[\"13A\"],\"location\":\"400 Main St\"},"
            + "\"persons\":[{\"role\":\"PRIMARY_VICTIM\",\"givenName\":\"Maria\",\"familyName\":\"Lopez\","
            + "\"birthDate\":\"1990-04-02\",\"language\":\"es\",\"contact\":{\"email\":\"maria@example.org\","
            + "\"phone\":\"+12175550123\",\"channels\":[\"SMS\",\"EMAIL\"],\"safeHours\":{\"from\":\"09:00\","
            + "\"to\":\"18:00\",\"zone\":\"America/Chicago\"},\"noVoicemail\":true,\"safeToContact\":true}},"
            + "{\"role\":\"SECONDARY_VICTIM\",\"relationship\":\"MOTHER\",\"givenName\":\"Ana\",\"familyName\":\"Lopez\","
            + "\"language\":\"es\",\"contact\":{\"phone\":\"+12175550199\",\"channels\":[\"VOICE\"]}}],"
            + "\"needs\":[\"COUNSELING\",\"SHELTER\"],\"narrative\":\"Assault at the residence.\"}";

    private CaseBodies() {
    }

    /** The case JSON with the given incident number (printable ASCII, at most 64 characters). */
    public static byte[] newCase(String incidentNumber) {
        return String.format(TEMPLATE, incidentNumber).getBytes(StandardCharsets.UTF_8);
    }
}
