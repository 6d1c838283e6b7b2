package org.tandem.camel.internal.routes;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.builder.RouteBuilder;
import org.apache.camel.impl.DefaultCamelContext;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.tandem.api.spi.ExtensionStatus;

class RouteContributionsTest {

    private final CamelContext camel = new DefaultCamelContext();
    private final RouteContributions contributions;

    RouteContributionsTest() {
        camel.start(); // as in the bundle: started before routes are added
        contributions = new RouteContributions(camel);
    }

    @AfterEach
    void stop() {
        camel.stop();
    }

    @Test
    void addsStartsAndRemovesTheRoutesOfOneBuilder() {
        contributions.add(7, routes("a", "b"), "agency.bundle 1.0.0", 0);
        contributions.add(8, routes("c"), "other.bundle 2.0.0", 5);

        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).containsExactlyInAnyOrder("a", "b", "c");
        assertThat(camel.getRouteController().getRouteStatus("a")).isEqualTo(ServiceStatus.Started);
        assertThat(camel.createProducerTemplate().requestBody("direct:a", "x", String.class)).isEqualTo("a:x");

        contributions.remove(7);

        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("c");
        assertThat(contributions.statuses()).singleElement().satisfies(s -> {
            assertThat(s.kind()).isEqualTo("RoutesBuilder");
            assertThat(s.bundle()).isEqualTo("other.bundle 2.0.0");
            assertThat(s.ranking()).isEqualTo(5);
            assertThat(s.name()).endsWith("[c]");
            assertThat(s.failures()).isZero();
        });
    }

    @Test
    void aBrokenBuilderLeavesNothingBehindAndIsReported() {
        contributions.add(1, routes("good"), "b", 0);
        RouteBuilder broken = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:half").routeId("half").to("direct:nowhere");
                from("direct:dup").routeId("good").to("direct:nowhere"); // duplicate id: fails
            }
        };

        contributions.add(2, broken, "bad.bundle 1.0.0", 0);

        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("good");
        ExtensionStatus status = contributions.statuses().get(1);
        assertThat(status.failures()).isEqualTo(1);
        assertThat(status.lastFailure()).contains("route id good is already used");
        contributions.remove(2);
        assertThat(camel.getRoutes()).extracting(r -> r.getRouteId()).containsExactly("good");
        assertThat(camel.createProducerTemplate().requestBody("direct:good", "x", String.class)).isEqualTo("good:x");
    }

    @Test
    void aBuilderFailingHalfWayHasItsStartedRoutesRemoved() {
        RouteBuilder broken = new RouteBuilder() {
            @Override
            public void configure() {
                from("direct:first").routeId("first").to("direct:nowhere");
                from("direct:second").routeId("second").to("nosuchcomponent:x");
            }
        };

        contributions.add(3, broken, "bad.bundle 1.0.0", 0);

        assertThat(camel.getRoutes()).isEmpty();
        assertThat(contributions.statuses()).singleElement().satisfies(s -> assertThat(s.lastFailure())
                .contains("nosuchcomponent"));
    }

    @Test
    void filterSelectsBuildersForTheTandemContextOnly() throws Exception {
        org.osgi.framework.Filter filter = org.osgi.framework.FrameworkUtil.createFilter(TandemCamelContext.FILTER);
        assertThat(filter.matches(java.util.Map.of("objectClass", new String[] { "org.apache.camel.RoutesBuilder" })))
                .isTrue();
        assertThat(filter.matches(java.util.Map.of("objectClass", new String[] { "org.apache.camel.RoutesBuilder" },
                "tandem.camel.context", "tandem"))).isTrue();
        assertThat(filter.matches(java.util.Map.of("objectClass", new String[] { "org.apache.camel.RoutesBuilder" },
                "tandem.camel.context", "adapter-rms"))).isFalse();
        assertThat(filter.matches(java.util.Map.of("objectClass", new String[] { "java.lang.Runnable" }))).isFalse();
    }

    private static RouteBuilder routes(String... ids) {
        return new RouteBuilder() {
            @Override
            public void configure() {
                for (String id : ids) {
                    from("direct:" + id).routeId(id).setBody(simple(id + ":${body}"));
                }
            }
        };
    }
}
