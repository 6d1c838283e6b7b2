package ${package};

import org.osgi.service.component.annotations.Component;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventHandler;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.TandemTopics;

/** Reacts to the agency's new cases (events carry ids only: load details through the services). */
@Component(property = {
        "event.topics=" + TandemTopics.CASE_OPENED,
        "event.filter=(agencyId=${agencyId})",
        "tandem.extension.name=${artifactId}: case opened" })
public class CaseOpenedListener implements EventHandler {

    private static final Logger LOG = LoggerFactory.getLogger(CaseOpenedListener.class);

    @Override
    public void handleEvent(Event event) {
        LOG.info("Case {} opened for agency {}", event.getProperty(TandemTopics.PROP_CASE_ID),
                event.getProperty(TandemTopics.PROP_AGENCY_ID));
    }
}
