package org.tandem.camel.component.internal.routefiles;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

import org.apache.camel.CamelContext;
import org.apache.camel.ExtendedCamelContext;
import org.apache.camel.Route;
import org.apache.camel.RoutesBuilder;
import org.apache.camel.support.ResourceHelper;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs Camel XML route files (camel-xml-io-dsl: {@code <routes>}, {@code <route>}) each in its own Camel context
 * named {@code routefile-<file name>}: deploying a file starts its routes, deploying it again replaces them,
 * undeploying stops them. A file whose routes cannot be created leaves nothing running. Separate contexts keep
 * integrators' files from clashing (route ids) or breaking each other.
 */
public final class RouteFiles implements AutoCloseable {

    public static final String SUFFIX = ".camel.xml";
    static final String CONTEXT_PREFIX = "routefile-";

    private static final Logger LOG = LoggerFactory.getLogger(RouteFiles.class);

    private final Function<String, CamelContext> contextFactory;
    private final Map<Path, CamelContext> running = new ConcurrentHashMap<>();

    /** @param contextFactory creates a new, not yet started context with the given name */
    public RouteFiles(Function<String, CamelContext> contextFactory) {
        this.contextFactory = Objects.requireNonNull(contextFactory, "contextFactory");
    }

    public static boolean isRouteFile(Path file) {
        return file.getFileName() != null && file.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(SUFFIX);
    }

    /** {@code routefile-<name without .camel.xml>}, with characters other than letters, digits, - and _ as _. */
    public static String contextName(Path file) {
        String name = file.getFileName().toString();
        name = name.substring(0, name.length() - SUFFIX.length());
        return CONTEXT_PREFIX + name.replaceAll("[^A-Za-z0-9_-]", "_");
    }

    /**
     * Starts the file's routes, replacing those of an earlier version of the file.
     *
     * @return the ids of the routes now running
     * @throws Exception when the file cannot be read or its routes cannot be created or started; then none of its
     *         routes (old or new) run
     */
    public synchronized List<String> deploy(Path file) throws Exception {
        undeploy(file);
        byte[] xml;
        try {
            xml = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new IOException("cannot read route file " + file + ": " + e.getMessage(), e);
        }
        CamelContext context = contextFactory.apply(contextName(file));
        try {
            // start first: routes added to a started context start at once (see docs/stack.md)
            context.start();
            // the loader for *.camel.xml is camel-xml-io-dsl's, found through the context's factory finder (in
            // Karaf: in any bundle), so this bundle needs no compile-time dependency on it
            for (RoutesBuilder routes : context.adapt(ExtendedCamelContext.class).getRoutesLoader()
                    .findRoutesBuilders(List.of(ResourceHelper.fromBytes(file.getFileName().toString(), xml)))) {
                context.addRoutes(routes);
            }
            if (context.getRoutes().isEmpty()) {
                throw new IllegalArgumentException("route file " + file.getFileName() + " defines no route");
            }
        } catch (Exception e) {
            stopQuietly(context);
            throw e;
        }
        running.put(file, context);
        List<String> ids = context.getRoutes().stream().map(Route::getRouteId).toList();
        LOG.info("Route file {} deployed in Camel context {}: routes {}", file.getFileName(), context.getName(), ids);
        return ids;
    }

    /** Stops the file's routes (in-flight exchanges complete first); false when none were running. */
    public synchronized boolean undeploy(Path file) {
        CamelContext context = running.remove(file);
        if (context == null) {
            return false;
        }
        stopQuietly(context);
        LOG.info("Route file {} undeployed: Camel context {} stopped", file.getFileName(), context.getName());
        return true;
    }

    /** The context running a file's routes, if any. */
    public CamelContext context(Path file) {
        return running.get(file);
    }

    @Override
    public synchronized void close() {
        for (Path file : List.copyOf(running.keySet())) {
            undeploy(file);
        }
    }

    private static void stopQuietly(CamelContext context) {
        try {
            context.stop();
        } catch (RuntimeException e) {
            LOG.warn("Stopping Camel context {} failed: {}", context.getName(), e.getMessage());
        }
    }
}
