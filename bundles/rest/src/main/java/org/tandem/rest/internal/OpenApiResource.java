package org.tandem.rest.internal;

import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.Map;
import java.util.concurrent.ConcurrentSkipListMap;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.MediaType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.framework.Bundle;
import org.osgi.framework.BundleContext;
import org.osgi.framework.InvalidSyntaxException;
import org.osgi.framework.ServiceReference;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Deactivate;
import org.osgi.util.tracker.ServiceTracker;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@code GET /openapi.json} (public): the base document of this bundle merged with the fragment each
 * installed resource bundle ships, so the document always matches the features installed.
 */
@Component(service = OpenApiResource.class, property = RestResources.RESOURCE_PROPERTY + "=true")
@Path("/openapi.json")
public class OpenApiResource {

    private static final Logger LOG = LoggerFactory.getLogger(OpenApiResource.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Map<Long, JsonNode> fragments = new ConcurrentSkipListMap<>();

    private ServiceTracker<Object, ServiceReference<Object>> tracker;

    @Activate
    void activate(BundleContext context) throws InvalidSyntaxException {
        // by property alone: resources are registered under their own classes
        tracker = new ServiceTracker<>(context, context.createFilter("(" + RestResources.OPENAPI_PROPERTY + "=*)"), null) {
            @Override
            public ServiceReference<Object> addingService(ServiceReference<Object> ref) {
                addFragment(ref);
                return ref;
            }

            @Override
            public void removedService(ServiceReference<Object> ref, ServiceReference<Object> tracked) {
                removeFragment(ref);
            }
        };
        tracker.open();
    }

    @Deactivate
    void deactivate() {
        tracker.close();
    }

    void addFragment(ServiceReference<Object> ref) {
        Long id = (Long) ref.getProperty("service.id");
        Bundle bundle = ref.getBundle();
        String path = String.valueOf(ref.getProperty(RestResources.OPENAPI_PROPERTY));
        URL entry = bundle == null ? null : bundle.getEntry(path);
        if (entry == null) {
            LOG.warn("OpenAPI fragment {} not found in bundle {}", path, bundle);
            return;
        }
        try (InputStream in = entry.openStream()) {
            fragments.put(id, MAPPER.readTree(in));
        } catch (IOException e) {
            LOG.warn("OpenAPI fragment {} of bundle {} is not valid JSON: {}", path, bundle, e.getMessage());
        }
    }

    void removeFragment(ServiceReference<Object> ref) {
        fragments.remove((Long) ref.getProperty("service.id"));
    }

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode document() throws IOException {
        ObjectNode doc;
        try (InputStream in = OpenApiResource.class.getResourceAsStream("/openapi/base.json")) {
            doc = (ObjectNode) MAPPER.readTree(in);
        }
        for (JsonNode fragment : fragments.values()) {
            merge(doc, fragment, "paths");
            merge(doc.with("components"), fragment.path("components"), "schemas");
        }
        return doc;
    }

    private static void merge(ObjectNode target, JsonNode source, String field) {
        JsonNode add = source.path(field);
        if (add.isObject()) {
            target.with(field).setAll((ObjectNode) add);
        }
    }
}
