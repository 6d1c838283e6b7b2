package org.tandem.demo.internal;

/** Demo mode is on with environment variable TANDEM_DEMO=true or system property tandem.demo=true. */
final class DemoMode {

    private DemoMode() {
    }

    static boolean enabled() {
        return "true".equalsIgnoreCase(System.getenv("TANDEM_DEMO"))
                || "true".equalsIgnoreCase(System.getProperty("tandem.demo"));
    }
}
