package org.tandem.example.agency;

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Component;

/**
 * A Camel route contributed to Tandem's Camel context just by registering this RouteBuilder as a
 * {@code RoutesBuilder} service: every minute it logs how many of the agency's cases were acknowledged.
 * It appears in {@code camel:route-list} and goes away with the bundle.
 */
@Component(service = RoutesBuilder.class, property = "tandem.extension.name=Agency summary route (example agency)")
public class AgencyRoutes extends RouteBuilder {

    static final String ROUTE_ID = "example-agency-summary";

    @Override
    public void configure() {
        from("timer:example-agency-summary?period=60000&delay=1000").routeId(ROUTE_ID)
                .process(exchange -> exchange.getMessage().setBody(CaseOpenedListener.SEEN.get()))
                .log("Example agency: ${body} case(s) acknowledged since start");
    }
}
