package org.tandem.rest.internal;

import javax.ws.rs.GET;
import javax.ws.rs.Path;
import javax.ws.rs.Produces;
import javax.ws.rs.core.Context;
import javax.ws.rs.core.MediaType;
import javax.ws.rs.core.SecurityContext;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;

import org.osgi.service.component.annotations.Component;
import org.tandem.api.Caller;
import org.tandem.api.Role;

/** {@code GET /me}: who the platform thinks the caller is. */
@Component(service = MeResource.class, property = RestResources.RESOURCE_PROPERTY + "=true")
@Path("/me")
public class MeResource {

    @GET
    @Produces(MediaType.APPLICATION_JSON)
    public JsonNode me(@Context SecurityContext security) {
        Caller caller = (Caller) security.getUserPrincipal();
        ObjectNode body = JsonNodeFactory.instance.objectNode();
        body.put("user", caller.user());
        if (caller.hasAgency()) {
            body.put("agency", caller.agencyId());
        } else {
            body.putNull("agency");
        }
        ArrayNode roles = body.putArray("roles");
        for (Role r : Role.values()) {
            if (caller.roles().contains(r)) {
                roles.add(r.id());
            }
        }
        return body;
    }
}
