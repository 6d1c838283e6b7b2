package org.tandem.rest.internal;

import java.util.Set;

import javax.servlet.ServletConfig;
import javax.servlet.ServletException;
import javax.ws.rs.core.Application;

import org.apache.cxf.jaxrs.servlet.CXFNonSpringJaxrsServlet;

/** The CXF servlet for one set of resources; a new one is registered whenever that set changes. */
final class ApiServlet extends CXFNonSpringJaxrsServlet {

    private static final long serialVersionUID = 1L;

    ApiServlet(Set<Object> singletons) {
        super(new Application() {
            @Override
            public Set<Object> getSingletons() {
                return singletons;
            }
        });
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
        if (previous != null && getBus().getExtension(ClassLoader.class) == null) {
            getBus().setExtension(previous, ClassLoader.class);
        }
    }
}
