package org.tandem.web.internal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ConsoleServletTest {

    @Test
    void rootServesIndex() {
        assertThat(ConsoleServlet.entryFor(null)).contains("/webapp/index.html");
        assertThat(ConsoleServlet.entryFor("/")).contains("/webapp/index.html");
        assertThat(ConsoleServlet.entryFor("/js/app.js")).contains("/webapp/js/app.js");
        assertThat(ConsoleServlet.typeOf("/webapp/js/app.js")).startsWith("text/javascript");
    }

    @Test
    void neverAnswersForTheApiOrOutsideTheWebappFolder() {
        assertThat(ConsoleServlet.entryFor("/api/v1/cases")).isEmpty();
        assertThat(ConsoleServlet.entryFor("/api")).isEmpty();
        assertThat(ConsoleServlet.entryFor("/../OSGI-INF/x.xml")).isEmpty();
        assertThat(ConsoleServlet.entryFor("/js/")).isEmpty();
        assertThat(ConsoleServlet.entryFor("/META-INF/MANIFEST.MF")).isEmpty();
        assertThat(ConsoleServlet.entryFor("/org/tandem/web/internal/ConsoleServlet.class")).isEmpty();
    }

    @Test
    void policyAllowsNoInlineScriptAndNoFraming() {
        assertThat(ConsoleServlet.CSP).contains("script-src 'self'").contains("frame-ancestors 'none'")
                .doesNotContain("unsafe-inline");
    }
}
