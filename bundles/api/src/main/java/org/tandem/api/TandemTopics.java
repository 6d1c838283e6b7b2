package org.tandem.api;

/**
 * OSGi EventAdmin topics posted by Tandem and the property keys they carry: the platform's public
 * event contract, versioned with this package. Events carry ids, never personally identifying
 * information: listeners load what they may see through the services, as a caller of the right agency.
 *
 * <h2>Delivery</h2>
 * Events are posted asynchronously ({@code EventAdmin.postEvent}) <em>after</em> the change is
 * committed: a listener that receives one can read the data it names. A listener must be quick (or
 * hand work to its own thread): EventAdmin blacklists handlers that take too long.
 *
 * <h2>Stable property schema</h2>
 * Within a major version of this package, a topic keeps its name and every property listed for it
 * keeps its key, Java type and meaning; new properties may be added (ignore unknown ones). Every
 * {@code org/tandem/case/*} event has:
 * <table>
 * <caption>case event properties</caption>
 * <tr><th>key</th><th>type</th><th>meaning</th></tr>
 * <tr><td>{@value #PROP_CASE_ID}</td><td>String</td><td>case id (24 characters, opaque)</td></tr>
 * <tr><td>{@value #PROP_AGENCY_ID}</td><td>String</td><td>owning agency id</td></tr>
 * <tr><td>{@value #PROP_INCIDENT_NUMBER}</td><td>String</td><td>RMS incident number</td></tr>
 * <tr><td>{@value #PROP_ORI}</td><td>String</td><td>ORI of the incident's agency</td></tr>
 * <tr><td>{@value #PROP_USER}</td><td>String</td><td>user who made the change</td></tr>
 * <tr><td>{@value #PROP_TIMESTAMP}</td><td>Long</td><td>when, epoch milliseconds UTC</td></tr>
 * </table>
 * Other capabilities (referrals, notifications, adapters) document their topics in their own API
 * packages under the same rules ({@code org/tandem/<capability>/<EVENT>}).
 */
public final class TandemTopics {

    /** A case was opened (intake committed it). Properties: the case event properties above. */
    public static final String CASE_OPENED = "org/tandem/case/OPENED";
    /** A case was changed (status, persons, needs). Properties: the case event properties above. */
    public static final String CASE_UPDATED = "org/tandem/case/UPDATED";
    /**
     * A case was closed (journaled with the closing, like {@link #CASE_OPENED}). Properties: the case event
     * properties above; {@value #PROP_USER} closed it at {@value #PROP_TIMESTAMP}. The reason is not carried (free
     * text). Reopening a case posts {@link #CASE_UPDATED}.
     *
     * @since 1.2
     */
    public static final String CASE_CLOSED = "org/tandem/case/CLOSED";
    /** Wildcard for every case event. */
    public static final String CASE_ALL = "org/tandem/case/*";
    /** Wildcard for every Tandem event. */
    public static final String ALL = "org/tandem/*";

    public static final String PROP_CASE_ID = "caseId";
    public static final String PROP_AGENCY_ID = "agencyId";
    public static final String PROP_INCIDENT_NUMBER = "incidentNumber";
    public static final String PROP_ORI = "ori";
    public static final String PROP_USER = "user";
    public static final String PROP_TIMESTAMP = "timestamp";

    private TandemTopics() {
    }
}
