package org.tandem.camel.component.internal;

import java.util.EnumSet;

import org.apache.camel.Consumer;
import org.apache.camel.Processor;
import org.apache.camel.Producer;
import org.apache.camel.support.DefaultEndpoint;
import org.tandem.api.Caller;
import org.tandem.api.Role;

/**
 * {@code tandem:intake[?format=json|niem][&supplement=true|false][&agency=ID][&user=NAME]}: opens a case (or
 * supplements the incident's existing case) through the platform's IntakeService, with the same validation and
 * rules as {@code POST /cases}. Producer only.
 */
public class IntakeEndpoint extends DefaultEndpoint {

    private String format = "json";
    private boolean supplement = true;
    private String agency;
    private String user = "camel";

    IntakeEndpoint(String uri, TandemComponent component) {
        super(uri, component);
    }

    @Override
    public TandemComponent getComponent() {
        return (TandemComponent) super.getComponent();
    }

    @Override
    public Producer createProducer() {
        return new IntakeProducer(this);
    }

    @Override
    public Consumer createConsumer(Processor processor) {
        throw new UnsupportedOperationException("tandem:intake is a producer (to), not a consumer (from)");
    }

    /**
     * The caller for this endpoint when the exchange names none: {@code agency} (with {@code user}) if set,
     * otherwise the component's configured integration caller.
     */
    Caller endpointCaller() {
        if (agency != null && !agency.isBlank()) {
            return new Caller(user, agency, EnumSet.of(Role.INTEGRATOR));
        }
        return getComponent().platform().defaultCaller();
    }

    public String getFormat() {
        return format;
    }

    /** Body format when the body is a document: {@code json} (default, the REST contract) or {@code niem}. */
    public void setFormat(String format) {
        this.format = format;
    }

    public boolean isSupplement() {
        return supplement;
    }

    /**
     * true (default): a document about an incident that already has a case adds its new persons to that case;
     * false: always open a new case, like {@code POST /cases}.
     */
    public void setSupplement(boolean supplement) {
        this.supplement = supplement;
    }

    public String getAgency() {
        return agency;
    }

    /** Agency the cases belong to; default: the agencyId of etc/org.tandem.camel.component.cfg. */
    public void setAgency(String agency) {
        this.agency = agency;
    }

    public String getUser() {
        return user;
    }

    /** Recorded as the case's creator when {@code agency} is set (default {@code camel}). */
    public void setUser(String user) {
        this.user = user;
    }
}
