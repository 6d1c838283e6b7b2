package org.tandem.rest.internal;

import java.util.Set;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.ws.rs.core.Application;

import org.apache.cxf.Bus;
import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;
import org.apache.cxf.transport.DestinationFactoryManager;
import org.apache.cxf.transport.http.DestinationRegistryImpl;
import org.apache.cxf.transport.http.HTTPTransportFactory;

/** The CXF servlet for one set of resources: one generation of {@link ApiEndpointServlet}. */
final class ApiServlet extends CXFNonSpringJaxrsServlet {

    private static final long serialVersionUID = 1L;
    private final transient ClassLoader requestLoader;

    ApiServlet(Set<Object> singletons, ClassLoader requestLoader) {
        super(new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        });
        this.requestLoader = requestLoader;
    }

    /**
     * In OSGi every bus shares the HTTP transport's destination registry, so a second generation could not claim
     * the address "/" while the first still serves it ("There is an endpoint already running on /"). Each
     * generation gets a transport factory and registry of its own; they also keep the API out of the registry
     * behind CXF's shared {@code /cxf} servlet.
     */
    @Override
    protected void loadBus(ServletConfig config) {
        super.loadBus(config);
        Bus bus = getBus();
        HTTPTransportFactory own = new HTTPTransportFactory(new DestinationRegistryImpl());
        DestinationFactoryManager factories = bus.getExtension(DestinationFactoryManager.class);
        for (String namespace : HTTPTransportFactory.DEFAULT_NAMESPACES) {
            factories.registerDestinationFactory(namespace, own);
        }
        bus.setExtension(own, HTTPTransportFactory.class);
    }

    @Override
    public void init(ServletConfig config) throws ServletException {
        // CXF creates its bus through the context class loader: make it CXF's own, not Pax Web's.
        Thread thread = Thread.currentThread();
        ClassLoader previous = thread.getContextClassLoader();
        thread.setContextClassLoader(CXFNonSpringJaxrsServlet.class.getClassLoader());
        try {
            super.init(config);
        } finally {
            thread.setContextClassLoader(previous);
        }
        // Without a ClassLoader extension on the bus, CXF's ServletController asks the bus's ResourceManager for
        // one on EVERY request, which scans the system class path for "" under a JarFile lock (seen in JFR as
        // contention between request threads) and finds nothing. Give it the loader requests already run with.
        if (requestLoader != null && getBus().getExtension(ClassLoader.class) == null) {
            getBus().setExtension(requestLoader, ClassLoader.class);
        }
    }
}
