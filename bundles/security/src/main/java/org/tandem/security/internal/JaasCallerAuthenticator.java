package org.tandem.security.internal;

import java.util.Optional;

import javax.security.auth.Subject;
import javax.security.auth.callback.Callback;
import javax.security.auth.callback.NameCallback;
import javax.security.auth.callback.PasswordCallback;
import javax.security.auth.callback.UnsupportedCallbackException;
import javax.security.auth.login.LoginContext;
import javax.security.auth.login.LoginException;

import org.osgi.service.component.annotations.Activate;
import org.osgi.service.component.annotations.Component;
import org.osgi.service.component.annotations.Modified;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tandem.api.Caller;
import org.tandem.api.CallerAuthenticator;

/** Authenticates against a Karaf JAAS realm (users.properties, LDAP, ... whatever the realm uses). */
@Component(service = CallerAuthenticator.class, configurationPid = "org.tandem.security")
@Designate(ocd = SecurityConfig.class)
public class JaasCallerAuthenticator implements CallerAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasCallerAuthenticator.class);

    private volatile String realm;
    private volatile PrincipalMapper mapper;

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        this.realm = config.realm();
        this.mapper = new PrincipalMapper(config.agencyGroupPrefix());
    }

    @Override
    public Optional<Caller> authenticate(String user, char[] password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        Subject subject = new Subject();
        try {
            LoginContext login = new LoginContext(realm, subject, callbacks -> answer(callbacks, user, password));
            login.login();
            return Optional.of(mapper.toCaller(user, subject.getPrincipals()));
        } catch (LoginException e) {
            LOG.debug("Login failed for {}: {}", user, e.getMessage());
            return Optional.empty();
        }
    }

    private static void answer(Callback[] callbacks, String user, char[] password) throws UnsupportedCallbackException {
        for (Callback cb : callbacks) {
            if (cb instanceof NameCallback name) {
                name.setName(user);
            } else if (cb instanceof PasswordCallback pw) {
                pw.setPassword(password);
            } else {
                throw new UnsupportedCallbackException(cb);
            }
        }
    }
}
