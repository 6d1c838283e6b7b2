package org.tandem.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Proxy;
import java.util.Collections;
import java.util.LinkedHashSet;
import java.util.Set;

import javax.servlet.ServletConfig;
import javax.servlet.ServletContext;
import javax.ws.rs.GET;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * The API servlet must initialise even when the container initialises it before any resource exists (the first
 * request at boot): a failing init would leave it unavailable for good. It serves nothing (503) until a publish.
 */
class ApiEndpointServletTest {

    @Path("/ping")
    public static class Ping {
        @GET
        public String ping() {
            return "pong";
        }
    }

    @Test
    void initialisesWithoutResourcesAndTakesTheFirstPublishedGeneration() throws Exception {
        Set<Object> providersOnly = new LinkedHashSet<>(Set.of(new ExceptionMappers.FallbackMapper()));
        ApiEndpointServlet servlet = new ApiEndpointServlet(providersOnly);

        servlet.init(config());
        assertThat(servlet.generation()).isZero();

        Set<Object> withResource = new LinkedHashSet<>(providersOnly);
        withResource.add(new Ping());
        servlet.publish(withResource);
        assertThat(servlet.generation()).isEqualTo(1);
        servlet.publish(new LinkedHashSet<>(withResource));
        assertThat(servlet.generation()).isEqualTo(2);
        servlet.destroy();
        assertThat(servlet.generation()).isZero();
    }

    /** CXF threw an IOException for these before any mapper ran, and Jetty answered 500 with an HTML page. */
    @Test
    void findsContentTypesWhoseCharsetCannotBeDecoded() {
        assertThat(ApiEndpointServlet.unsupportedCharset(null)).isNull();
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json")).isNull();
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json; charset=UTF-8")).isNull();
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json;charset=\"utf-8\"")).isNull();
        assertThat(ApiEndpointServlet.unsupportedCharset("text/csv; Charset=ISO-8859-1")).isNull();
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json; charset=\"unterminated"))
                .isEqualTo("\"unterminated");
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json;;;charset=klingon")).isEqualTo("klingon");
        assertThat(ApiEndpointServlet.unsupportedCharset("application/json; charset=")).isEmpty();
        assertThat(ApiEndpointServlet.unsupportedCharset("application/xml; charset=in valid")).isEqualTo("in valid");
    }

    private static ServletConfig config() {
        ServletContext context = (ServletContext) Proxy.newProxyInstance(ApiEndpointServletTest.class.getClassLoader(),
                new Class<?>[] {ServletContext.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getInitParameterNames", "getAttributeNames" -> Collections.emptyEnumeration();
                    case "getContextPath" -> "";
                    case "getServletContextName" -> "test";
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test context";
                    default -> null;
                });
        return (ServletConfig) Proxy.newProxyInstance(ApiEndpointServletTest.class.getClassLoader(),
                new Class<?>[] {ServletConfig.class}, (proxy, method, args) -> switch (method.getName()) {
                    case "getServletContext" -> context;
                    case "getServletName" -> "tandem-api";
                    case "getInitParameterNames" -> Collections.emptyEnumeration();
                    case "hashCode" -> System.identityHashCode(proxy);
                    case "equals" -> proxy == args[0];
                    case "toString" -> "test config";
                    default -> null;
                });
    }
}
