package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.IOException;
import java.io.StringReader;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;
import org.osgi.framework.ServiceReference;

/**
 * The distribution with Derby encryption switched on the documented way: the shipped
 * {@code etc/org.ops4j.datasource-tandem.cfg} with its {@code connectionAttributes} line uncommented (through
 * pax-jdbc-config, as in production). The boot password is put in literally here: the forked container's environment
 * cannot be set per test class ({@code ${env:...}} interpolation was checked by hand, docs/security.md). A case
 * opened over REST must be stored encrypted: its victim's name appears in no data or log file after a checkpoint.
 * The negative control (same scan finds the name without encryption) is {@code DerbyEncryptionAtRestTest} in the store.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class DerbyEncryptionIT extends TandemKarafTestSupport {

    private static final String NAME = "Quorthwynn";

    @Configuration
    @Override
    public Option[] config() {
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        List<Option> options = new ArrayList<>();
        // the whole file: the feature's configfile is not written over an existing one
        for (String key : shippedConfig().stringPropertyNames()) {
            String value = shippedConfig().getProperty(key).replace("${env:TANDEM_DERBY_BOOT_PASSWORD}", password);
            options.add(editConfigurationFilePut(TestDatabase.DATASOURCE_CFG, key, value));
        }
        return OptionUtils.combine(super.config(), options.toArray(new Option[0]));
    }

    private static Properties shippedConfig() {
        try {
            Path cfg = Path.of("../features/src/main/cfg/org.ops4j.datasource-tandem.cfg");
            String text = Files.readString(cfg, StandardCharsets.ISO_8859_1).replace("\n#connectionAttributes", "\nconnectionAttributes");
            Properties p = new Properties();
            p.load(new StringReader(text));
            if (!p.getProperty("connectionAttributes", "").contains("dataEncryption=true")) {
                throw new IllegalStateException("the shipped cfg has no encryption line to switch on");
            }
            return p;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    public void aCaseOpenedOverRestIsNotReadableInTheDatabaseFiles() throws Exception {
        String body = CaseIntakeIT.EXAMPLE.replace("\"familyName\":\"Lopez\"", "\"familyName\":\"" + NAME + "\"")
                .replace("IT-2026-000123", "IT-ENC-0001");
        HttpResponse<String> created = post("/cases", "officer", "application/json", body);
        assertEquals(created.body(), 201, created.statusCode());
        String location = created.headers().firstValue("Location").orElseThrow();
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertTrue("readable through the API", get("/cases/" + id, "officer").body().contains(NAME));

        // pages written to seg0 as well, not only the log
        Collection<ServiceReference<DataSource>> refs = bundleContext.getServiceReferences(DataSource.class,
                "(dataSourceName=tandem)");
        DataSource ds = bundleContext.getService(refs.iterator().next());
        try (Connection c = ds.getConnection(); Statement s = c.createStatement()) {
            s.execute("CALL SYSCS_UTIL.SYSCS_CHECKPOINT_DATABASE()");
        }

        Path db = Path.of(System.getProperty("karaf.data"), "tandem", "derby");
        assertTrue(Files.readString(db.resolve("service.properties")).contains("dataEncryption=true"));
        assertTrue(Files.readString(db.resolve("service.properties")).contains("encryptionKeyLength=256"));
        byte[] needle = NAME.getBytes(StandardCharsets.US_ASCII);
        List<String> hits = new ArrayList<>();
        int scanned = 0;
        for (String dir : new String[] {"seg0", "log"}) {
            try (Stream<Path> files = Files.list(db.resolve(dir))) {
                for (Path f : files.filter(p -> p.toString().endsWith(".dat")).toList()) {
                    scanned++;
                    if (contains(Files.readAllBytes(f), needle)) {
                        hits.add(f.toString());
                    }
                }
            }
        }
        assertTrue("scanned files: " + scanned, scanned > 10);
        assertEquals("files with the victim's name in clear text", List.of(), hits);
    }

    private static boolean contains(byte[] hay, byte[] needle) {
        outer:
        for (int i = 0; i <= hay.length - needle.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (hay[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
