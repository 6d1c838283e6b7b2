package org.tandem.api.spi;

/**
 * Service properties understood by the extension whiteboards. Besides these, the standard
 * {@code service.ranking} (Integer, default 0) orders extensions of one kind: highest first.
 */
public final class Extensions {

    /**
     * {@code String} or {@code String[]}: the agency ids an intake extension applies to. Absent
     * means every agency. Example: {@code tandem.agency=PD-DEMO}.
     */
    public static final String AGENCY = "tandem.agency";

    /** {@code String}: a short human name shown by {@code tandem:extension-list}; defaults to the class name. */
    public static final String NAME = "tandem.extension.name";

    /**
     * {@code String}: on an {@code org.apache.camel.RoutesBuilder} service, the name of the Camel
     * context its routes go to. Absent or {@value #TANDEM_CAMEL_CONTEXT} means Tandem's context; any
     * other value leaves the service to whoever owns that context.
     */
    public static final String CAMEL_CONTEXT = "tandem.camel.context";

    /** The name of Tandem's own Camel context, the one that picks up {@code RoutesBuilder} services. */
    public static final String TANDEM_CAMEL_CONTEXT = "tandem";

    /** Fully qualified name of the Camel interface extensions register routes under (the API has no Camel types). */
    public static final String ROUTES_BUILDER = "org.apache.camel.RoutesBuilder";

    private Extensions() {
    }
}
