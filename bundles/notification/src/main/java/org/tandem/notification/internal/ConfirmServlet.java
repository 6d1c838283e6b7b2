package org.tandem.notification.internal;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import javax.servlet.Servlet;
import javax.servlet.http.HttpServlet;
import javax.servlet.http.HttpServletRequest;
import javax.servlet.http.HttpServletResponse;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Reference;
import org.tandem.api.notification.ConfirmationResult;
import org.tandem.api.notification.NotificationService;

/**
 * The page behind the single-use link in an e-mail, {@code /tandem/confirm/<token>}, public and deliberately bare:
 * it shows no name, case, agency or event, so a link seen by someone else reveals nothing. Opening the link (GET)
 * changes nothing — mail scanners and previews open links — the person presses a button (POST) to confirm.
 */
@Component(service = Servlet.class, property = {
        "osgi.http.whiteboard.servlet.pattern=/tandem/confirm/*",
        "osgi.http.whiteboard.servlet.name=tandem-confirm" })
public class ConfirmServlet extends HttpServlet {

    private static final long serialVersionUID = 1L;

    private final transient NotificationService notifications;

    @Activate
    public ConfirmServlet(@Reference(name = "notifications") NotificationService notifications) {
        this.notifications = notifications;
    }

    @Override
    protected void doGet(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean es = spanish(request);
        String token = token(request);
        if (!ConfirmationSecrets.looksLikeLinkToken(token)) {
            page(response, 404, es ? "Enlace no válido" : "Link not valid",
                    es ? "Este enlace no es válido." : "This link is not valid.", null, es);
            return;
        }
        page(response, 200, es ? "Confirmar" : "Confirm",
                es ? "Pulse el botón para confirmar que recibió el mensaje." : "Press the button to confirm that you received the message.",
                es ? "Confirmo que lo recibí" : "I received it", es);
    }

    @Override
    protected void doPost(HttpServletRequest request, HttpServletResponse response) throws IOException {
        boolean es = spanish(request);
        ConfirmationResult result = notifications.confirmByLink(token(request));
        if (result.succeeded()) {
            page(response, 200, es ? "Gracias" : "Thank you", es ? "Gracias, su confirmación quedó registrada."
                    : "Thank you, your confirmation has been recorded.", null, es);
        } else {
            page(response, result == ConfirmationResult.INVALID ? 404 : 410, es ? "Enlace no válido" : "Link not valid",
                    es ? "Este enlace ya no es válido. Si necesita ayuda, llame a su intercesor/a."
                            : "This link is no longer valid. If you need help, call your advocate.", null, es);
        }
    }

    private static String token(HttpServletRequest request) {
        String path = request.getPathInfo();
        return path == null ? "" : path.startsWith("/") ? path.substring(1) : path;
    }

    private static boolean spanish(HttpServletRequest request) {
        String lang = request.getHeader("Accept-Language");
        return lang != null && lang.toLowerCase(Locale.ROOT).startsWith("es");
    }

    private static void page(HttpServletResponse response, int status, String title, String message, String button,
            boolean es) throws IOException {
        response.setStatus(status);
        response.setContentType("text/html;charset=UTF-8");
        response.setHeader("Cache-Control", "no-store");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("X-Robots-Tag", "noindex");
        response.setHeader("Content-Security-Policy", "default-src 'none'; style-src 'unsafe-inline'; form-action 'self'");
        String form = button == null ? "" : "<form method=\"post\"><button type=\"submit\">" + button + "</button></form>";
        String html = "<!doctype html><html lang=\"" + (es ? "es" : "en") + "\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"><title>" + title
                + "</title><style>body{font-family:sans-serif;max-width:30em;margin:3em auto;padding:0 1em}"
                + "button{font-size:1.2em;padding:.6em 1.2em}</style></head><body><h1>" + title + "</h1><p>" + message
                + "</p>" + form + "</body></html>";
        response.getOutputStream().write(html.getBytes(StandardCharsets.UTF_8));
    }
}
