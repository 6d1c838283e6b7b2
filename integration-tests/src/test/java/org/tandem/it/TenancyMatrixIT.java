package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * Role × agency × endpoint (issue 8): one case of PD-DEMO, every demo account, every endpoint that reads or changes
 * case data, and the status each must get. Another agency's user gets 404 (as if the case did not exist), a role
 * without the right 403, nobody gets data they should not. Then id guessing: a well-formed random id and a malformed
 * one answer 404 for everyone. Every mismatch is listed at once.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class TenancyMatrixIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Columns, in this order. */
    private static final List<String> USERS = List.of("officer", "supervisor", "liaison", "officer2", "advocate",
            "integrator", "admin");

    @Test
    public void everyRoleAndAgencyGetsExactlyWhatItMay() throws Exception {
        HttpResponse<String> created = post("/cases", "officer", "application/json",
                CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-MATRIX-1"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode c = JSON.readTree(created.body());
        String id = c.path("id").asText();
        String person = c.path("persons").get(0).path("id").asText();

        // expected status per user, in USERS order
        Map<String, int[]> expected = new LinkedHashMap<>();
        expected.put("GET /cases/{id}", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("GET /cases/{id}/consents", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("GET /cases/{id}/referrals", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("GET /cases/{id}/notifications", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("GET /cases/{id}/advocate", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("PUT /cases/{id}/persons/{p}/confirmation-pin", new int[] {204, 403, 204, 404, 404, 403, 403});
        expected.put("GET /audit?case={id}", new int[] {403, 200, 403, 403, 403, 403, 403});
        expected.put("GET /tasks", new int[] {403, 200, 200, 403, 200, 403, 403});

        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            for (int u = 0; u < USERS.size(); u++) {
                String user = USERS.get(u);
                HttpResponse<String> r = call(row.getKey(), id, person, user);
                if (r.statusCode() != row.getValue()[u]) {
                    mismatches.add(row.getKey() + " as " + user + ": expected " + row.getValue()[u] + ", got "
                            + r.statusCode() + " " + r.body().substring(0, Math.min(160, r.body().length())));
                }
                if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    mismatches.add(row.getKey() + " as " + user + ": " + r.statusCode() + " without a problem body");
                }
            }
        }
        // another agency's search finds nothing of it
        for (String user : List.of("officer2", "advocate")) {
            HttpResponse<String> list = get("/cases?incident=IT-MATRIX-1", user);
            if (list.statusCode() == 200 && JSON.readTree(list.body()).path("total").asInt() != 0) {
                mismatches.add("GET /cases?incident= as " + user + " finds the case");
            }
        }
        // id guessing: unknown and malformed ids are 404 for the owning agency too
        for (String guess : List.of("aaaaaaaaaaaaaaaaaaaaaaaa", "../../etc/passwd", "1%27%20OR%20%271%27%3D%271")) {
            for (String path : List.of("/cases/" + guess, "/cases/" + guess + "/notifications",
                    "/cases/" + guess + "/consents", "/cases/" + guess + "/advocate")) {
                int status = get(path, "officer").statusCode();
                if (status != 404) {
                    mismatches.add("GET " + path + " as officer: expected 404, got " + status);
                }
            }
        }
        assertTrue(String.join("\n", mismatches), mismatches.isEmpty());
    }

    /**
     * The paths past the owning agency: the provider's view of a referral (consent-limited), the referral lists,
     * reports (counts of the caller's own agency only), compensation claims (an export to the state) and
     * registrations; same rules, same id guessing.
     */
    @Test
    public void providerViewsReportsAndExportsFollowTheSameRules() throws Exception {
        HttpResponse<String> created = post("/cases", "officer", "application/json",
                CaseIntakeIT.EXAMPLE.replace("IT-2026-000123", "IT-MATRIX-2"));
        assertEquals(created.body(), 201, created.statusCode());
        JsonNode c = JSON.readTree(created.body());
        String id = c.path("id").asText();
        String person = c.path("persons").get(0).path("id").asText();
        HttpResponse<String> consent = post("/cases/" + id + "/consents", "officer", "application/json",
                "{\"personId\":\"" + person + "\",\"scope\":\"SHARE_WITH_PROVIDER\",\"recipient\":{\"kind\":"
                        + "\"PROVIDER\",\"id\":\"prv-safe-harbor\"},\"purpose\":\"Referral for counseling\",\"form\":\"WRITTEN\","
                        + "\"expiresAt\":\"" + java.time.Instant.now().plus(java.time.Duration.ofDays(90)) + "\"}");
        assertEquals(consent.body(), 201, consent.statusCode());
        HttpResponse<String> referred = post("/referrals", "officer", "application/json", "{\"caseId\":\"" + id
                + "\",\"personId\":\"" + person + "\",\"providerId\":\"prv-safe-harbor\",\"services\":[\"COUNSELING\"],\"send\":true}");
        assertEquals(referred.body(), 201, referred.statusCode());
        String referral = JSON.readTree(referred.body()).path("id").asText();

        Map<String, int[]> expected = new LinkedHashMap<>();
        // USERS: officer, supervisor, liaison, officer2, advocate (provider VSP-DEMO), integrator, admin
        expected.put("GET /referrals/" + referral, new int[] {200, 200, 200, 404, 200, 403, 403});
        expected.put("GET /cases/" + id + "/claims", new int[] {200, 200, 200, 404, 404, 403, 403});
        expected.put("GET /reports/voca-pmt?quarter=2026Q4", new int[] {403, 200, 200, 403, 200, 403, 403});
        expected.put("GET /reports/referral-outcomes?quarter=2026Q4", new int[] {403, 200, 200, 403, 200, 403, 403});
        List<String> mismatches = new ArrayList<>();
        for (Map.Entry<String, int[]> row : expected.entrySet()) {
            for (int u = 0; u < USERS.size(); u++) {
                String user = USERS.get(u);
                HttpResponse<String> r = get(row.getKey().substring(4), user);
                if (r.statusCode() != row.getValue()[u]) {
                    mismatches.add(row.getKey() + " as " + user + ": expected " + row.getValue()[u] + ", got "
                            + r.statusCode() + " " + r.body().substring(0, Math.min(160, r.body().length())));
                }
                if (r.statusCode() >= 400 && !r.headers().firstValue("Content-Type").orElse("")
                        .startsWith("application/problem+json")) {
                    mismatches.add(row.getKey() + " as " + user + ": " + r.statusCode() + " without a problem body");
                }
            }
        }
        // the provider sees the referral limited by the consent (default items NAME, LANGUAGE, CONTACT: no birth date,
        // no narrative, no incident), another agency does not find it in its lists
        JsonNode providerView = JSON.readTree(get("/referrals/" + referral, "advocate").body());
        if (!providerView.path("consent").path("items").toString().equals("[\"NAME\",\"LANGUAGE\",\"CONTACT\"]")
                || providerView.toString().contains("1990-04-02") || providerView.toString().contains("Assault")
                || providerView.toString().contains("400 Main St") || !providerView.path("person").has("givenName")) {
            mismatches.add("the provider's view shows data the consent does not share: " + providerView);
        }
        for (String user : List.of("officer2")) {
            HttpResponse<String> list = get("/referrals", user);
            if (list.statusCode() == 200 && list.body().contains(referral)) {
                mismatches.add("GET /referrals as " + user + " lists another agency's referral");
            }
        }
        if (!get("/referrals?status=SENT", "advocate").body().contains(referral)) {
            mismatches.add("the provider's inbox does not list the referral sent to it");
        }
        // id guessing on referrals and claims
        for (String guess : List.of("aaaaaaaaaaaaaaaaaaaaaaaa", "..%2F..%2Fetc%2Fpasswd", "1%27%20OR%20%271%27%3D%271")) {
            for (String user : List.of("officer", "advocate")) {
                int status = get("/referrals/" + guess, user).statusCode();
                if (status != 404) {
                    mismatches.add("GET /referrals/" + guess + " as " + user + ": expected 404, got " + status);
                }
            }
            int status = get("/cases/" + guess + "/claims", "officer").statusCode();
            if (status != 404) {
                mismatches.add("GET /cases/" + guess + "/claims as officer: expected 404, got " + status);
            }
        }
        assertTrue(String.join("\n", mismatches), mismatches.isEmpty());
    }

    private HttpResponse<String> call(String endpoint, String id, String person, String user) throws Exception {
        String[] parts = endpoint.split(" ", 2);
        String path = parts[1].replace("{id}", id).replace("{p}", person);
        return switch (parts[0]) {
            case "GET" -> get(path, user);
            case "PUT" -> send(HttpRequest.newBuilder(api(path)).header("Content-Type", "application/json")
                    .PUT(HttpRequest.BodyPublishers.ofString("{\"pin\":\"4711\"}")), user);
            default -> throw new IllegalArgumentException(endpoint);
        };
    }
}
