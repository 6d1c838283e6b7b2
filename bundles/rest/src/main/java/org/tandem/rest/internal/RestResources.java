package org.tandem.rest.internal;

/** Service properties of the REST whiteboard (documented in docs/extending.md). */
final class RestResources {

    /** A JAX-RS resource object registered with this property set to true is served under the API base. */
    static final String RESOURCE_PROPERTY = "tandem.rest.resource";
    /** Bundle entry path of an OpenAPI 3 fragment ({@code paths}, {@code components.schemas}) for the resource. */
    static final String OPENAPI_PROPERTY = "tandem.openapi";
    static final String BASE_PATH = "/tandem/api/v1";

    private RestResources() {
    }
}
