package org.tandem.camel.component.internal.routefiles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.apache.camel.CamelContext;
import org.apache.camel.ServiceStatus;
import org.apache.camel.impl.DefaultCamelContext;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.tandem.camel.component.internal.TandemComponent;
import org.tandem.camel.component.internal.testing.TestPlatform;

/** Hot deploy of XML route files with camel-xml-io-dsl, against real files. */
class RouteFilesTest {

    @TempDir
    Path tempDir;

    private final TestPlatform platform = new TestPlatform();
    private final List<CamelContext> created = new ArrayList<>();
    private final RouteFiles routeFiles = new RouteFiles(name -> {
        DefaultCamelContext c = new DefaultCamelContext();
        c.setName(name);
        c.addComponent("tandem", new TandemComponent(platform));
        created.add(c);
        return c;
    });

    @AfterEach
    void tearDown() {
        routeFiles.close();
    }

    private Path routeFile(String name, String route) throws Exception {
        return Files.writeString(tempDir.resolve(name),
                "<routes xmlns=\"http://camel.apache.org/schema/spring\">" + route + "</routes>");
    }

    @Test
    void aDeployedFileRunsItsRoutesAndUndeployingStopsThem() throws Exception {
        Path out = tempDir.resolve("out");
        Path file = routeFile("case-feed.camel.xml", """
                <route id="case-feed">
                  <from uri="tandem:events?types=CASE_OPENED"/>
                  <setBody><simple>${header.caseId}</simple></setBody>
                  <to uri="file:%s?fileName=${header.caseId}.txt"/>
                </route>""".formatted(out));

        assertThat(routeFiles.deploy(file)).containsExactly("case-feed");
        CamelContext context = routeFiles.context(file);
        assertThat(context.getName()).isEqualTo("routefile-case-feed");
        assertThat(context.getRouteController().getRouteStatus("case-feed")).isEqualTo(ServiceStatus.Started);

        platform.publish("org/tandem/case/OPENED", Map.of("caseId", "abc"));
        Awaitility.await().atMost(Duration.ofSeconds(10)).until(() -> Files.exists(out.resolve("abc.txt")));
        assertThat(Files.readString(out.resolve("abc.txt"))).isEqualTo("abc");

        assertThat(routeFiles.undeploy(file)).isTrue();
        assertThat(context.getStatus()).isEqualTo(ServiceStatus.Stopped);
        assertThat(platform.subscriptionCount()).isZero();
        assertThat(routeFiles.undeploy(file)).isFalse();
    }

    @Test
    void redeployingReplacesTheRoutes() throws Exception {
        Path file = routeFile("x.camel.xml", "<route id=\"v1\"><from uri=\"tandem:events?types=CASE_OPENED\"/><to uri=\"log:v1\"/></route>");
        routeFiles.deploy(file);
        CamelContext first = routeFiles.context(file);

        routeFile("x.camel.xml", "<route id=\"v2\"><from uri=\"tandem:events?types=CASE_UPDATED\"/><to uri=\"log:v2\"/></route>");
        assertThat(routeFiles.deploy(file)).containsExactly("v2");

        assertThat(first.getStatus()).isEqualTo(ServiceStatus.Stopped);
        assertThat(routeFiles.context(file).getRoute("v1")).isNull();
        assertThat(platform.subscriptionCount()).isEqualTo(1);
    }

    @Test
    void aBrokenFileLeavesNothingRunning() throws Exception {
        Path good = routeFile("y.camel.xml", "<route id=\"good\"><from uri=\"tandem:events?types=CASE_OPENED\"/><to uri=\"log:y\"/></route>");
        routeFiles.deploy(good);

        Path bad = routeFile("y.camel.xml", "<route id=\"bad\"><from uri=\"tandem:events?types=NO_SUCH_TYPE\"/><to uri=\"log:y\"/></route>");
        assertThatThrownBy(() -> routeFiles.deploy(bad)).hasStackTraceContaining("NO_SUCH_TYPE");
        assertThat(routeFiles.context(bad)).isNull();

        Path notXml = Files.writeString(tempDir.resolve("z.camel.xml"), "<routes><route>");
        assertThatThrownBy(() -> routeFiles.deploy(notXml)).isInstanceOf(Exception.class);
        Path empty = routeFile("e.camel.xml", "");
        assertThatThrownBy(() -> routeFiles.deploy(empty)).hasMessageContaining("defines no route");

        assertThat(created).allSatisfy(c -> assertThat(c.getStatus()).isEqualTo(ServiceStatus.Stopped));
        assertThat(platform.subscriptionCount()).isZero();
    }

    @Test
    void namesFollowTheFile() {
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/rms.camel.xml"))).isTrue();
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/RMS.CAMEL.XML"))).isTrue();
        assertThat(RouteFiles.isRouteFile(Path.of("deploy/features.xml"))).isFalse();
        assertThat(RouteFiles.contextName(Path.of("deploy/my rms.v2.camel.xml"))).isEqualTo("routefile-my_rms_v2");
    }
}
