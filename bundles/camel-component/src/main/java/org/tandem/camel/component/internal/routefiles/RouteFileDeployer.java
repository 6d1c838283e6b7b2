package org.tandem.camel.component.internal.routefiles;

import java.io.File;

import org.apache.camel.CamelContext;
import org.apache.camel.core.osgi.OsgiCamelContextPublisher;
import org.apache.camel.core.osgi.OsgiDefaultCamelContext;
import org.apache.camel.spi.ComponentResolver;
import org.apache.felix.fileinstall.ArtifactInstaller;
import org.osgi.framework.BundleContext;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.service.component.annotations.Reference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Hot deploy of integrators' Camel XML route files: Karaf's file install watches {@code deploy/} and hands
 * {@code *.camel.xml} files to this installer (added, changed, removed). The tandem component is referenced so
 * that route files using {@code tandem:} are only started once it can be resolved.
 */
@Component(service = ArtifactInstaller.class, immediate = true)
public class RouteFileDeployer implements ArtifactInstaller {

    private static final Logger LOG = LoggerFactory.getLogger(RouteFileDeployer.class);

    @Reference(target = "(component=tandem)")
    private ComponentResolver tandemComponent;

    private RouteFiles routeFiles;

    @Activate
    void activate(BundleContext bundleContext) {
        routeFiles = new RouteFiles(name -> newContext(bundleContext, name));
    }

    @Deactivate
    void deactivate() {
        routeFiles.close();
    }

    private static CamelContext newContext(BundleContext bundleContext, String name) {
        OsgiDefaultCamelContext context = new OsgiDefaultCamelContext(bundleContext);
        context.setName(name);
        // publishes the context as a service, which is what camel:context-list and camel:route-list show
        context.getManagementStrategy().addEventNotifier(new OsgiCamelContextPublisher(bundleContext));
        return context;
    }

    @Override
    public boolean canHandle(File artifact) {
        return RouteFiles.isRouteFile(artifact.toPath());
    }

    @Override
    public void install(File artifact) {
        deploy(artifact);
    }

    @Override
    public void update(File artifact) {
        deploy(artifact);
    }

    @Override
    public void uninstall(File artifact) {
        routeFiles.undeploy(artifact.toPath());
    }

    /** Errors are logged, not thrown: file install would retry a failing file on every scan. */
    private void deploy(File artifact) {
        try {
            routeFiles.deploy(artifact.toPath());
        } catch (Exception e) {
            LOG.error("Route file {} NOT deployed: {}", artifact.getName(), e.getMessage(), e);
        }
    }
}
