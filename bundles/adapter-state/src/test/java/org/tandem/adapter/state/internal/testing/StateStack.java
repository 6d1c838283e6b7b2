package org.tandem.adapter.state.internal.testing;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.tandem.api.Caller;
import org.tandem.api.Ids;
import org.tandem.api.consent.Consent;
import org.tandem.api.consent.ConsentForm;
import org.tandem.api.consent.ConsentScope;
import org.tandem.api.consent.ConsentService;
import org.tandem.api.consent.NewConsent;
import org.tandem.api.consent.Recipient;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.claims.JdbcClaimRepository;
import org.tandem.store.internal.integration.JdbcDeadLetterRepository;
import org.tandem.store.internal.integration.JdbcProcessedMessageRepository;
import org.tandem.store.internal.migration.SchemaMigrator;
import org.tandem.store.internal.registration.JdbcRegistrationRepository;

/** Derby with the real schema and the store's repositories; a consent service that grants what tests say. */
public final class StateStack implements AutoCloseable {

    public record Posted(String topic, Map<String, Object> properties) {
    }

    public final DataSource dataSource;
    public final JdbcCaseRepository cases;
    public final JdbcRegistrationRepository registrations;
    public final JdbcProcessedMessageRepository ledger;
    public final JdbcDeadLetterRepository deadLetters;
    public final JdbcClaimRepository claims;
    public final List<Posted> events = new CopyOnWriteArrayList<>();
    public final Consents consents = new Consents();
    private final String dbName;

    public StateStack(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        dbName = dir.resolve("db").toString();
        ds.setDatabaseName(dbName);
        ds.setCreateDatabase("create");
        dataSource = ds;
        new SchemaMigrator(ds).migrate();
        cases = new JdbcCaseRepository(ds);
        registrations = new JdbcRegistrationRepository(ds);
        ledger = JdbcProcessedMessageRepository.create(ds, Clock.systemUTC());
        deadLetters = new JdbcDeadLetterRepository(ds);
        claims = new JdbcClaimRepository(ds);
    }

    public void post(String topic, Map<String, Object> properties) {
        events.add(new Posted(topic, Map.copyOf(properties)));
    }

    public long count(String table) {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement();
                ResultSet rs = st.executeQuery("SELECT COUNT(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        EmbeddedDataSource shutdown = new EmbeddedDataSource();
        shutdown.setDatabaseName(dbName);
        shutdown.setShutdownDatabase("shutdown");
        try (Connection c = shutdown.getConnection()) {
            throw new IllegalStateException("Derby did not shut down");
        } catch (SQLException expected) {
            // 08006
        }
    }

    /**
     * Grants SHARE_WITH_STATE to the persons added, towards the given agency; revocable. As the disclosure gate it
     * keeps every decision it was asked for.
     */
    public static final class Consents implements ConsentService, org.tandem.api.consent.DisclosureGate {

        public final List<org.tandem.api.consent.Disclosure> asked = new java.util.concurrent.CopyOnWriteArrayList<>();

        @Override
        public Optional<Consent> disclose(org.tandem.api.consent.Disclosure disclosure) {
            asked.add(disclosure);
            return activeConsent(disclosure.personId(), disclosure.scope(), disclosure.recipient());
        }

        @Override
        public Optional<Consent> coveringConsent(String personId, ConsentScope scope, Recipient recipient) {
            return activeConsent(personId, scope, recipient);
        }

        private final Map<String, String> granted = new java.util.concurrent.ConcurrentHashMap<>();

        public void grant(String personId, String stateAgency) {
            granted.put(personId, stateAgency);
        }

        public void revoke(String personId) {
            granted.remove(personId);
        }

        @Override
        public Optional<Consent> activeConsent(String personId, ConsentScope scope, Recipient recipient) {
            String agency = granted.get(personId);
            if (scope != ConsentScope.SHARE_WITH_STATE || agency == null || !recipient.equals(Recipient.agency(agency))) {
                return Optional.empty();
            }
            Instant now = Instant.now();
            return Optional.of(new Consent("consent-" + personId, null, personId, scope, recipient, "compensation",
                    ConsentForm.WRITTEN, now.minusSeconds(60), now.plusSeconds(86_400), null, "advocate", null, null));
        }

        @Override
        public Consent record(Caller caller, NewConsent consent) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Consent revoke(Caller caller, String consentId, String reason) {
            throw new UnsupportedOperationException();
        }

        @Override
        public Optional<Consent> get(Caller caller, String consentId) {
            return Optional.empty();
        }

        @Override
        public List<Consent> forCase(Caller caller, String caseId) {
            return List.of();
        }
    }

    public static String newId() {
        return Ids.newId();
    }
}
