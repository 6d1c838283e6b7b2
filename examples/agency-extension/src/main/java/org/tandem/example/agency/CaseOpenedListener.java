package org.tandem.example.agency;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.TandemTopics;

/**
 * Listens to {@code org/tandem/case/OPENED} for the agency's cases (an EventAdmin filter on the stable
 * {@code agencyId} property) and acknowledges each with its own event {@value #ACKNOWLEDGED} (ids only, like
 * every Tandem event) — where a real agency would notify its own systems.
 */
@Component(property = {
        "event.topics=" + TandemTopics.CASE_OPENED,
        "event.filter=(agencyId=PD-DEMO)",
        "tandem.extension.name=Case opened acknowledgement (example agency)" })
public class CaseOpenedListener implements EventHandler {

    static final String ACKNOWLEDGED = "org/tandem/example/agency/CASE_ACKNOWLEDGED";
    static final AtomicLong SEEN = new AtomicLong();

    private static final Logger LOG = LoggerFactory.getLogger(CaseOpenedListener.class);

    private final EventAdmin events;

    @Activate
    public CaseOpenedListener(@Reference EventAdmin events) {
        this.events = events;
    }

    @Override
    public void handleEvent(Event event) {
        Object caseId = event.getProperty(TandemTopics.PROP_CASE_ID);
        Object agencyId = event.getProperty(TandemTopics.PROP_AGENCY_ID);
        long count = SEEN.incrementAndGet();
        LOG.info("Example agency: case {} of {} opened ({} since start)", caseId, agencyId, count);
        events.postEvent(new Event(ACKNOWLEDGED, Map.of(TandemTopics.PROP_CASE_ID, caseId,
                TandemTopics.PROP_AGENCY_ID, agencyId, "bundleVersion",
                String.valueOf(org.osgi.framework.FrameworkUtil.getBundle(CaseOpenedListener.class).getVersion()))));
    }
}
