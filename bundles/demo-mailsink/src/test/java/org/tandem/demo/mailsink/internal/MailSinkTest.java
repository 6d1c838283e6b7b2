package org.tandem.demo.mailsink.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.List;
import java.util.Properties;
import java.util.stream.Stream;

import javax.mail.Message;
import javax.mail.Session;
import javax.mail.Transport;
import javax.mail.internet.InternetAddress;
import javax.mail.internet.MimeMessage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MailSinkTest {

    @TempDir
    Path folder;

    @Test
    void everyReceivedMessageIsSavedOnceAsAnEmlFile() throws Exception {
        int port = freePort();
        try (MailSink sink = MailSink.start("127.0.0.1", port, folder, Clock.systemUTC())) {
            send(port, "maria@example.org", "Tandem: se ha abierto su caso", "Hola María");
            send(port, "ana@example.org", "Tandem: case opened", "Hello Ana");
            sink.saveNew();
            sink.saveNew();
            List<Path> files = emls();
            assertThat(files).hasSize(2);
            String all = Files.readString(files.get(0), StandardCharsets.UTF_8) + Files.readString(files.get(1), StandardCharsets.UTF_8);
            assertThat(all).contains("To: maria@example.org").contains("To: ana@example.org").contains("Subject: Tandem: case opened");
        }
        assertThat(emls()).hasSize(2);
        try (Stream<Path> s = Files.list(folder)) {
            assertThat(s.filter(p -> p.toString().endsWith(".part"))).isEmpty();
        }
    }

    @Test
    void aTakenPortIsAClearError() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            assertThatThrownBy(() -> MailSink.start("127.0.0.1", taken.getLocalPort(), folder, Clock.systemUTC()))
                    .isInstanceOf(RuntimeException.class);
        }
    }

    @Test
    void theSinkOnlyRunsInDemoModeAndDefaultsToTheDataFolder() {
        assertThat(DemoMailSinkComponent.demoMode()).isEqualTo("true".equalsIgnoreCase(System.getenv("TANDEM_DEMO")));
        System.setProperty("karaf.data", "/opt/tandem/data");
        try {
            assertThat(DemoMailSinkComponent.folder(" ")).isEqualTo(Path.of("/opt/tandem/data/demo-mail"));
            assertThat(DemoMailSinkComponent.folder("/tmp/x")).isEqualTo(Path.of("/tmp/x"));
        } finally {
            System.clearProperty("karaf.data");
        }
    }

    private List<Path> emls() throws Exception {
        try (Stream<Path> s = Files.list(folder)) {
            return s.filter(p -> p.toString().endsWith(".eml")).sorted().toList();
        }
    }

    private static void send(int port, String to, String subject, String text) throws Exception {
        Properties p = new Properties();
        p.put("mail.smtp.host", "127.0.0.1");
        p.put("mail.smtp.port", Integer.toString(port));
        MimeMessage m = new MimeMessage(Session.getInstance(p));
        m.setFrom(new InternetAddress("notifications@tandem.invalid"));
        m.setRecipient(Message.RecipientType.TO, new InternetAddress(to));
        m.setSubject(subject, "UTF-8");
        m.setText(text, "UTF-8");
        Transport.send(m);
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
