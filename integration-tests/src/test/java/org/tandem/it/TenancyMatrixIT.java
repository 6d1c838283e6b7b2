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
