package org.tandem.it;

import static org.ops4j.pax.exam.CoreOptions.mavenBundle;
import static org.ops4j.pax.exam.CoreOptions.options;
import static org.ops4j.pax.exam.CoreOptions.vmOptions;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.configureConsole;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.editConfigurationFilePut;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.karafDistributionConfiguration;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder;
import static org.ops4j.pax.exam.karaf.options.KarafDistributionOption.logLevel;

import java.io.File;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import javax.inject.Inject;

import org.awaitility.Awaitility;
import org.junit.Before;
import org.ops4j.pax.exam.Configuration;
import org.ops4j.pax.exam.Option;
import org.ops4j.pax.exam.OptionUtils;
import org.ops4j.pax.exam.karaf.options.LogLevelOption.LogLevel;
import org.osgi.framework.BundleContext;

/**
 * The one base class of the Pax Exam tests: boots the Tandem distribution built in this reactor
 * (demo mode, random free ports) and offers an HTTP client for its API. Test methods run inside
 * the container, so values computed in {@link #config()} reach them as system properties.
 */
public abstract class TandemKarafTestSupport {

    protected static final String PASSWORD = "demo";

    @Inject
    protected BundleContext bundleContext;

    protected final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @Configuration
    public Option[] config() {
        String archive = System.getProperty("tandem.archive");
        String examRepo = new File(System.getProperty("tandem.examRepo")).toURI().toString();
        String httpPort = freePort();
        Option[] base = options(
                karafDistributionConfiguration()
                        .frameworkUrl(new File(archive).toURI().toString())
                        .karafVersion("4.4.10")
                        .name("Tandem")
                        .unpackDirectory(new File("target/exam"))
                        .useDeployFolder(false),
                configureConsole().ignoreLocalConsole().ignoreRemoteShell(),
                logLevel(LogLevel.WARN),
                editConfigurationFilePut("etc/org.ops4j.pax.web.cfg", "org.osgi.service.http.port", httpPort),
                editConfigurationFilePut("etc/org.apache.karaf.shell.cfg", "sshPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiRegistryPort", freePort()),
                editConfigurationFilePut("etc/org.apache.karaf.management.cfg", "rmiServerPort", freePort()),
                editConfigurationFilePut("etc/system.properties", "tandem.it.httpPort", httpPort),
                editConfigurationFilePut("etc/system.properties", "tandem.demo", "true"),
                // no demo mail sink on the fixed port 2525 (a developer's demo may hold it); DistributionIT tests it
                editConfigurationFilePut("etc/org.tandem.demo.mailsink.cfg", "enabled", "false"),
                // Pax Exam's own bundles come from a file repository prepared by the build; the
                // distribution itself stays offline.
                editConfigurationFilePut("etc/org.ops4j.pax.url.mvn.cfg", "org.ops4j.pax.url.mvn.defaultRepositories",
                        "${karaf.home.uri}system@id=system.repository@snapshots," + examRepo + "@id=exam@snapshots"),
                mavenBundle("org.hamcrest", "hamcrest", "2.2"),
                mavenBundle("org.awaitility", "awaitility", System.getProperty("awaitility.version")),
                vmOptions(
                        "-Xmx768m",
                        "--add-reads=java.xml=java.logging",
                        "--add-exports=java.base/org.apache.karaf.specs.locator=java.xml,ALL-UNNAMED",
                        "--patch-module", "java.base=lib/endorsed/org.apache.karaf.specs.locator-4.4.10.jar",
                        "--patch-module", "java.xml=lib/endorsed/org.apache.karaf.specs.java.xml-4.4.10.jar",
                        "--add-opens", "java.base/java.security=ALL-UNNAMED",
                        "--add-opens", "java.base/java.net=ALL-UNNAMED",
                        "--add-opens", "java.base/java.lang=ALL-UNNAMED",
                        "--add-opens", "java.base/java.util=ALL-UNNAMED",
                        "--add-opens", "java.naming/javax.naming.spi=ALL-UNNAMED",
                        "--add-opens", "java.rmi/sun.rmi.transport.tcp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.file=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.ftp=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.http=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.https=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.protocol.jar=ALL-UNNAMED",
                        "--add-exports=java.base/sun.net.www.content.text=ALL-UNNAMED",
                        "--add-exports=jdk.xml.dom/org.w3c.dom.html=ALL-UNNAMED",
                        "--add-exports=jdk.naming.rmi/com.sun.jndi.url.rmi=ALL-UNNAMED",
                        "--add-exports=java.rmi/sun.rmi.registry=ALL-UNNAMED",
                        "--add-exports=java.security.sasl/com.sun.security.sasl=ALL-UNNAMED",
                        "--add-exports=java.naming/com.sun.jndi.ldap=ALL-UNNAMED",
                        "-classpath", "lib/jdk9plus/*" + File.pathSeparator + "lib/boot/*"));
        java.util.List<Option> all = new java.util.ArrayList<>(java.util.Arrays.asList(base));
        // the example agency bundle built by the reactor, for the hot deploy tests (not installed by default)
        String exampleJar = System.getProperty("tandem.exampleJar");
        if (exampleJar != null) {
            all.add(editConfigurationFilePut("etc/system.properties", "tandem.it.exampleJar",
                    new File(exampleJar).getAbsolutePath()));
        }
        String generatedJar = System.getProperty("tandem.generatedJar");
        if (generatedJar != null) {
            all.add(editConfigurationFilePut("etc/system.properties", "tandem.it.generatedJar",
                    new File(generatedJar).getAbsolutePath()));
        }
        // -Dtandem.it.deployPoll=1000 measures hot deploy with Karaf's default poll instead of the distribution's
        String deployPoll = System.getProperty("tandem.it.deployPoll");
        if (deployPoll != null && !deployPoll.isBlank()) {
            all.add(editConfigurationFilePut("etc/org.apache.felix.fileinstall-deploy.cfg", "felix.fileinstall.poll",
                    deployPoll));
        }
        if (Boolean.getBoolean("tandem.it.keep")) {
            all.add(org.ops4j.pax.exam.karaf.options.KarafDistributionOption.keepRuntimeFolder());
        }
        all.addAll(java.util.Arrays.asList(TestDatabase.containerOptions()));
        return all.toArray(new Option[0]);
    }

    /** Waits until the platform (store migrated, demo data loaded) answers health with UP. */
    @Before
    public void awaitReady() {
        Awaitility.await("GET /health = 200").atMost(Duration.ofSeconds(120)).pollInterval(Duration.ofMillis(250))
                .ignoreExceptions()
                .until(() -> get("/health", null).statusCode() == 200);
    }

    protected static String freePort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return Integer.toString(socket.getLocalPort());
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    protected static URI api(String path) {
        return URI.create("http://localhost:" + System.getProperty("tandem.it.httpPort") + "/tandem/api/v1" + path);
    }

    protected HttpResponse<String> get(String path, String user) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api(path)).GET(), user);
    }

    protected HttpResponse<String> post(String path, String user, String contentType, String body)
            throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(api(path)).header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)), user);
    }

    protected HttpResponse<String> send(HttpRequest.Builder request, String user) throws IOException, InterruptedException {
        if (user != null) {
            request.header("Authorization", "Basic " + Base64.getEncoder()
                    .encodeToString((user + ":" + PASSWORD).getBytes(StandardCharsets.UTF_8)));
        }
        return http.send(request.timeout(Duration.ofSeconds(30)).build(),
                HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
    }

    /** A JAAS login to the platform realm with the test password, for console sessions. */
    protected static javax.security.auth.Subject login(String user) throws Exception {
        javax.security.auth.Subject subject = new javax.security.auth.Subject();
        javax.security.auth.login.LoginContext login = new javax.security.auth.login.LoginContext("karaf", subject, callbacks -> {
            for (javax.security.auth.callback.Callback cb : callbacks) {
                if (cb instanceof javax.security.auth.callback.NameCallback name) {
                    name.setName(user);
                } else if (cb instanceof javax.security.auth.callback.PasswordCallback password) {
                    password.setPassword(PASSWORD.toCharArray());
                }
            }
        });
        login.login();
        return subject;
    }
}
