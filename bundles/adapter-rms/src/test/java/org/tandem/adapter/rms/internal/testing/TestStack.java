package org.tandem.adapter.rms.internal.testing;

import java.lang.annotation.Annotation;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.ZoneId;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BiConsumer;

import javax.sql.DataSource;

import org.apache.derby.jdbc.EmbeddedDataSource;
import org.osgi.service.event.Event;
import org.osgi.service.event.EventAdmin;
import org.tandem.adapter.rms.internal.niem.NiemIncidentReader;
import org.tandem.api.Caller;
import org.tandem.api.cases.CaseCodec;
import org.tandem.api.cases.IntakeService;
import org.tandem.api.notification.NotificationService;
import org.tandem.camel.component.internal.TandemComponent;
import org.tandem.camel.component.internal.TandemPlatform;
import org.tandem.intake.internal.service.IntakeConfig;
import org.tandem.intake.internal.service.IntakeServiceImpl;
import org.tandem.store.internal.cases.JdbcCaseRepository;
import org.tandem.store.internal.integration.JdbcDeadLetterRepository;
import org.tandem.store.internal.integration.JdbcProcessedMessageRepository;
import org.tandem.store.internal.migration.SchemaMigrator;

/**
 * The real pieces an RMS report goes through, in one JVM: Derby with the real schema, the store's repositories,
 * intake's service, and the tandem: component over them.
 */
public final class TestStack implements AutoCloseable {

    public final DataSource dataSource;
    public final JdbcCaseRepository cases;
    public final JdbcProcessedMessageRepository ledger;
    public final JdbcDeadLetterRepository deadLetters;
    public final List<Event> events = new CopyOnWriteArrayList<>();
    public final IntakeService intake;
    public volatile boolean intakeAvailable = true;
    private final String dbName;

    public TestStack(Path dir) {
        EmbeddedDataSource ds = new EmbeddedDataSource();
        dbName = dir.resolve("db").toString();
        ds.setDatabaseName(dbName);
        ds.setCreateDatabase("create");
        dataSource = ds;
        new SchemaMigrator(ds).migrate();
        cases = new JdbcCaseRepository(ds);
        ledger = JdbcProcessedMessageRepository.create(ds, Clock.systemUTC());
        deadLetters = new JdbcDeadLetterRepository(ds);
        intake = new IntakeServiceImpl(cases, new EventAdmin() {
            @Override
            public void postEvent(Event event) {
                events.add(event);
            }

            @Override
            public void sendEvent(Event event) {
                events.add(event);
            }
        }, new IntakeConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return IntakeConfig.class;
            }

            @Override
            public int maxPageSize() {
                return 200;
            }

            @Override
            public boolean extensionsEnabled() {
                return true;
            }

            @Override
            public int extensionTimeoutMillis() {
                return 2000;
            }
        });
    }

    public TandemComponent component(Caller defaultCaller) {
        NiemIncidentReader reader = new NiemIncidentReader(ZoneId.of("America/Chicago"));
        CaseCodec niem = document -> reader.read(document).newCase();
        return new TandemComponent(new TandemPlatform() {
            @Override
            public IntakeService intake() {
                if (!intakeAvailable) {
                    throw new IllegalStateException("Tandem IntakeService is not available");
                }
                return intake;
            }

            @Override
            public CaseCodec codec(String format) {
                if ("niem".equals(format)) {
                    return niem;
                }
                throw new IllegalArgumentException("no codec " + format);
            }

            @Override
            public AutoCloseable subscribe(Collection<String> topics, BiConsumer<String, Map<String, Object>> handler) {
                return () -> { };
            }

            @Override
            public NotificationService notifications() {
                throw new IllegalStateException("no notification engine in this test");
            }

            @Override
            public Caller defaultCaller() {
                return defaultCaller;
            }

            @Override
            public long maxDocumentBytes() {
                return 1024 * 1024;
            }
        });
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
            // 08006: shut down
        }
    }
}
