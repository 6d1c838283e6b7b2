package org.tandem.it;

import static org.junit.Assert.assertEquals;
import static org.junit.Assert.assertTrue;
import static org.junit.Assert.fail;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.Base64;
import java.util.concurrent.TimeUnit;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLHandshakeException;
import javax.net.ssl.TrustManagerFactory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import org.awaitility.Awaitility;
import org.junit.Test;
import org.junit.runner.RunWith;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.junit.PaxExam;
import org.ops4j.pax.exam.spi.reactors.ExamReactorStrategy;
import org.ops4j.pax.exam.spi.reactors.PerClass;

/**
 * HTTPS for the REST API, set up as docs/deployment.md says for production: a keystore made by
 * {@code scripts/tls-cert.sh} (keytool, at test time), the Pax Web secure connector on, plain HTTP off. A client
 * that trusts exactly that certificate gets health and an authenticated endpoint; a client with the JDK's default
 * trust store fails the handshake; the plain HTTP port no longer answers.
 */
@RunWith(PaxExam.class)
@ExamReactorStrategy(PerClass.class)
public class HttpsIT extends TandemKarafTestSupport {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Configuration
    @Override
    public Option[] config() {
        String httpsPort = freePort();
        Path dir = new File("target/https-it/" + System.nanoTime()).getAbsoluteFile().toPath();
        // a random keystore password, as an operator would choose; handed to the script through the environment
        byte[] random = new byte[18];
        new SecureRandom().nextBytes(random);
        String password = Base64.getUrlEncoder().withoutPadding().encodeToString(random);
        generateKeystore(dir, password);
        String keystore = dir.resolve("tandem-tls.p12").toString();
        String pax = "etc/org.ops4j.pax.web.cfg";
        return OptionUtils.combine(super.config(),
                editConfigurationFilePut(pax, "org.osgi.service.http.secure.enabled", "true"),
                editConfigurationFilePut(pax, "org.osgi.service.http.port.secure", httpsPort),
                editConfigurationFilePut(pax, "org.osgi.service.http.enabled", "false"),
                editConfigurationFilePut(pax, "org.ops4j.pax.web.ssl.keystore", keystore),
                editConfigurationFilePut(pax, "org.ops4j.pax.web.ssl.keystore.type", "PKCS12"),
                editConfigurationFilePut(pax, "org.ops4j.pax.web.ssl.keystore.password", password),
                editConfigurationFilePut(pax, "org.ops4j.pax.web.ssl.key.alias", "tandem"),
                editConfigurationFilePut(pax, "org.ops4j.pax.web.ssl.key.password", password),
                editConfigurationFilePut("etc/system.properties", "tandem.it.httpsPort", httpsPort),
                editConfigurationFilePut("etc/system.properties", "tandem.it.tlsCert",
                        dir.resolve("tandem-tls.crt").toString()));
    }

    /** Runs the shipped script, so the test also proves what the docs tell operators to run. */
    private static void generateKeystore(Path dir, String password) {
        if (Files.exists(dir.resolve("tandem-tls.p12"))) {
            return;
        }
        try {
            ProcessBuilder pb = new ProcessBuilder("bash", new File("../scripts/tls-cert.sh").getAbsolutePath(),
                    dir.toString(), "localhost", "127.0.0.1").redirectErrorStream(true);
            pb.environment().put("TANDEM_TLS_KEYSTORE_PASSWORD", password);
            pb.environment().put("JAVA_HOME", System.getProperty("java.home"));
            Process p = pb.start();
            String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
                throw new IllegalStateException("scripts/tls-cert.sh failed: " + out);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** Plain HTTP is off here: wait for health over HTTPS instead. */
    @org.junit.Before
    @Override
    public void awaitReady() {
        HttpClient client = trusting();
        Awaitility.await("GET https /health = 200").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> client.send(HttpRequest.newBuilder(https("/health")).build(),
                        HttpResponse.BodyHandlers.ofString()).statusCode() == 200);
    }

    @Test
    public void healthAndAnAuthenticatedEndpointOverHttpsWithTheGeneratedCertificate() throws Exception {
        HttpClient client = trusting();
        HttpResponse<String> health = client.send(HttpRequest.newBuilder(https("/health")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(200, health.statusCode());
        assertEquals("UP", JSON.readTree(health.body()).path("status").asText());
        assertEquals("TLSv1.3", health.sslSession().orElseThrow().getProtocol());

        HttpResponse<String> me = client.send(HttpRequest.newBuilder(https("/me")).header("Authorization", "Basic "
                + Base64.getEncoder().encodeToString(("officer:" + PASSWORD).getBytes(StandardCharsets.UTF_8)))
                .build(), HttpResponse.BodyHandlers.ofString());
        assertEquals(me.body(), 200, me.statusCode());
        JsonNode body = JSON.readTree(me.body());
        assertEquals("officer", body.path("user").asText());
        assertEquals("PD-DEMO", body.path("agency").asText());

        HttpResponse<String> anonymous = client.send(HttpRequest.newBuilder(https("/me")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertEquals(401, anonymous.statusCode());
    }

    @Test
    public void aClientThatDoesNotTrustTheCertificateFailsTheHandshake() throws Exception {
        HttpClient jdkDefaults = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
        try {
            jdkDefaults.send(HttpRequest.newBuilder(https("/health")).timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            fail("a self-signed certificate must not be accepted by the default trust store");
        } catch (SSLHandshakeException expected) {
            assertTrue(expected.getMessage(), expected.getMessage() != null);
        }
    }

    @Test
    public void plainHttpIsOff() throws Exception {
        try {
            http.send(HttpRequest.newBuilder(api("/health")).timeout(Duration.ofSeconds(5)).build(),
                    HttpResponse.BodyHandlers.ofString());
            fail("plain HTTP must be off (org.osgi.service.http.enabled = false)");
        } catch (ConnectException expected) {
            // nothing listens on the HTTP port
        }
    }

    private static URI https(String path) {
        return URI.create("https://localhost:" + System.getProperty("tandem.it.httpsPort") + "/tandem/api/v1" + path);
    }

    /** A client whose only trust anchor is the certificate the script wrote. */
    private static HttpClient trusting() {
        try (InputStream in = Files.newInputStream(Path.of(System.getProperty("tandem.it.tlsCert")))) {
            Certificate cert = CertificateFactory.getInstance("X.509").generateCertificate(in);
            KeyStore trust = KeyStore.getInstance("PKCS12");
            trust.load(null, null);
            trust.setCertificateEntry("tandem", cert);
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(trust);
            SSLContext ssl = SSLContext.getInstance("TLS");
            ssl.init(null, tmf.getTrustManagers(), null);
            return HttpClient.newBuilder().sslContext(ssl).connectTimeout(Duration.ofSeconds(5)).build();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
