package ${package};

import org.apache.camel.RoutesBuilder;
import org.apache.camel.builder.RouteBuilder;
import org.osgi.service.component.annotations.Component;

/** Routes added to Tandem's Camel context "tandem" while this bundle runs (camel:route-list shows them). */
@Component(service = RoutesBuilder.class, property = "tandem.extension.name=${artifactId}: routes")
public class AgencyRoutes extends RouteBuilder {

    @Override
    public void configure() {
        from("timer:${artifactId}-heartbeat?period=300000").routeId("${artifactId}-heartbeat")
                .log("${artifactId} is running");
    }
}
