package org.tandem.security.internal.consent;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Consent is enforced in one place: no production source outside the consent implementation asks
 * {@code ConsentService.activeConsent} itself; every disclosure goes through the {@code DisclosureGate}, which decides
 * and audits. A new disclosure path that calls the decision point directly (and so skips the audit) fails here.
 */
class DisclosureEnforcementTest {

    private static final Path REPO = Path.of("../..").toAbsolutePath().normalize();
    private static final String GATE_IMPLEMENTATION = "bundles/security/src/main/java/org/tandem/security/internal/consent/";

    @Test
    void onlyTheDisclosureGateAsksTheConsentDecisionPoint() throws IOException {
        List<String> offenders = new ArrayList<>();
        int scanned = 0;
        for (String root : List.of("bundles", "examples")) {
            try (Stream<Path> files = Files.walk(REPO.resolve(root))) {
                for (Path file : files.filter(p -> p.toString().endsWith(".java"))
                        .filter(p -> p.toString().contains("/src/main/java/")).toList()) {
                    scanned++;
                    String relative = REPO.relativize(file).toString();
                    if (relative.startsWith(GATE_IMPLEMENTATION)
                            || relative.endsWith("org/tandem/api/consent/ConsentService.java")) {
                        continue;
                    }
                    String source = Files.readString(file);
                    if (source.matches("(?s).*\\.activeConsent\\s*\\(.*")) {
                        offenders.add(relative);
                    }
                }
            }
        }
        assertThat(scanned).as("production sources found under " + REPO).isGreaterThan(200);
        assertThat(offenders).as("ask the DisclosureGate instead of ConsentService.activeConsent").isEmpty();
    }

    @Test
    void theScanFindsADirectCall() throws IOException {
        // the pattern the test above looks for really matches a direct call (the test can fail)
        assertThat("Optional<Consent> c = consents.activeConsent(personId, scope, recipient);")
                .matches("(?s).*\\.activeConsent\\s*\\(.*");
    }
}
