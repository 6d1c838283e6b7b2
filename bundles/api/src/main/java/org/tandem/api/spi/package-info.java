/**
 * The agency extension SPI: what an agency's own bundle implements to take part in Tandem's work.
 * Everything here is a whiteboard: an extension is an OSGi service, found by its interface and
 * selected by service properties; {@code service.ranking} orders extensions of one kind (highest
 * first). The platform isolates extensions: one that throws or misbehaves is logged, counted and
 * skipped, never allowed to break intake.
 *
 * <ul>
 * <li>{@link org.tandem.api.spi.IntakeEnricher}: fills fields of a new case before validation.</li>
 * <li>{@link org.tandem.api.spi.IntakeValidator}: adds an agency's own rules after the built-in
 * validation; its errors reach the client as a 422 problem with the agency's message.</li>
 * <li>Platform events: an OSGi {@code EventHandler} on the topics of
 * {@link org.tandem.api.TandemTopics} (stable property schema documented there).</li>
 * <li>Camel routes: a service registered as {@code org.apache.camel.RoutesBuilder} (typically a
 * {@code RouteBuilder}) is added to Tandem's Camel context (name {@code tandem}) while the service
 * is registered, and its routes are removed when it goes away. See {@link org.tandem.api.spi.Extensions}.</li>
 * </ul>
 * Extensions only see read-only values (records with immutable lists) and the {@link org.tandem.api.Caller}
 * on whose behalf the platform works.
 */
@Version("1.0.0")
package org.tandem.api.spi;

import org.osgi.annotation.versioning.Version;
