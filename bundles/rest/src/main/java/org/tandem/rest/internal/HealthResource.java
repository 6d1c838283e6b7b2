package org.tandem.rest.internal;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.Response;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.BundleContext;
import org.osgi.framework.startlevel.FrameworkStartLevel;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.FieldOption;
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.tandem.api.ReadinessCheck;
import org.tandem.api.store.StoreInfo;

/**
 * {@code GET /health} (public): UP once the store is migrated and reachable and every readiness
 * check passes; 503 with the reason otherwise. Says nothing about cases or people.
 */
@Component(service = HealthResource.class, property = RestResources.RESOURCE_PROPERTY + "=true")
@Path("/health")
public class HealthResource {

    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile StoreInfo store;

    @Reference(cardinality = ReferenceCardinality.MULTIPLE, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY, fieldOption = FieldOption.UPDATE)
    private final List<ReadinessCheck> checks = new CopyOnWriteArrayList<>();

    /** By name: the REST host does not import Karaf's features API (it also runs without it, in tests). */
    private static final String BOOT_FINISHED = "org.apache.karaf.features.BootFinished";
    private static final String FEATURES_SERVICE = "org.apache.karaf.features.FeaturesService";

    private volatile BundleContext context;

    @Activate
    void activate(BundleContext context) {
        this.context = context;
    }

    /**
     * Still starting while the framework has not reached its beginning start level, or while Karaf is still
     * installing the boot features (it does so on its own thread after the start level: until it publishes
     * {@code org.apache.karaf.features.BootFinished}, bundles of later features are still starting). Clients that
     * wait for UP then find every shipped endpoint in place.
     */
    private boolean started() {
        BundleContext ctx = context;
        if (ctx == null) {
            return true;
        }
        try {
            String beginning = ctx.getProperty("org.osgi.framework.startlevel.beginning");
            int target = beginning == null ? 1 : Integer.parseInt(beginning.trim());
            return ctx.getBundle(0).adapt(FrameworkStartLevel.class).getStartLevel() >= target
                    && (ctx.getServiceReference(FEATURES_SERVICE) == null
                            || ctx.getServiceReference(BOOT_FINISHED) != null);
        } catch (RuntimeException e) {
            return true;
        }
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public Response health() {
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        ObjectNode details = JsonNodeFactory.instance.objectNode();
        boolean up = true;
        StoreInfo current = store;
        ObjectNode storeNode = details.putObject("store");
        if (current == null) {
            up = false;
            storeNode.put("status", "DOWN").put("reason", "store not migrated or data source unavailable");
        } else if (!current.ping()) {
            up = false;
            storeNode.put("status", "DOWN").put("reason", "database does not answer");
        } else {
            storeNode.put("status", "UP").put("database", current.databaseProduct())
                    .put("schemaVersion", current.schemaVersion());
        }
        if (!started()) {
            up = false;
            details.putObject("framework").put("status", "DOWN").put("reason", "starting");
        }
        for (ReadinessCheck check : checks) {
            boolean ready = check.ready();
            details.putObject(check.name()).put("status", ready ? "UP" : "DOWN");
            up &= ready;
        }
        body.put("status", up ? "UP" : "DOWN");
        body.setAll(details);
        return Response.status(up ? 200 : 503).entity(body).build();
    }
}
