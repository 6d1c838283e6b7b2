package org.tandem.security.internal;

import java.time.Clock;
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

/**
 * Authenticates against a Karaf JAAS realm (users.properties, LDAP, ... whatever the realm uses). A
 * successful login is remembered for {@link SecurityConfig#credentialCacheSeconds()} (a keyed hash of
 * user and password, see {@link CredentialCache}), so a client sending HTTP Basic on every request does
 * not pay a full JAAS login each time.
 */
@Component(service = CallerAuthenticator.class, configurationPid = "org.tandem.security")
@Designate(ocd = SecurityConfig.class)
public class JaasCallerAuthenticator implements CallerAuthenticator {

    private static final Logger LOG = LoggerFactory.getLogger(JaasCallerAuthenticator.class);
    static final int MAX_CACHED_USERS = 10_000;

    /** One realm login: the caller, or empty when the realm refuses the credentials. */
    @FunctionalInterface
    interface RealmLogin {
        Optional<Caller> login(String realm, PrincipalMapper mapper, String user, char[] password);
    }

    private final RealmLogin realmLogin;
    private final Clock clock;
    private volatile String realm;
    private volatile PrincipalMapper mapper;
    private volatile CredentialCache cache;

    public JaasCallerAuthenticator() {
        this(JaasCallerAuthenticator::jaasLogin, Clock.systemUTC());
    }

    /** For tests: a fake realm and a controllable clock. */
    JaasCallerAuthenticator(RealmLogin realmLogin, Clock clock) {
        this.realmLogin = realmLogin;
        this.clock = clock;
    }

    @Activate
    @Modified
    void configure(SecurityConfig config) {
        this.realm = config.realm();
        this.mapper = new PrincipalMapper(config.agencyGroupPrefix());
        // a new cache on every change: entries checked against another realm or mapping must not survive it
        this.cache = new CredentialCache(clock, Math.max(0L, config.credentialCacheSeconds()) * 1000L, MAX_CACHED_USERS);
    }

    @Override
    public Optional<Caller> authenticate(String user, char[] password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        CredentialCache current = cache;
        Optional<Caller> cached = current.get(user, password);
        if (cached.isPresent()) {
            return cached;
        }
        Optional<Caller> caller = realmLogin.login(realm, mapper, user, password);
        if (caller.isPresent()) {
            current.put(user, password, caller.get());
        } else {
            current.invalidate(user);
        }
        return caller;
    }

    private static Optional<Caller> jaasLogin(String realm, PrincipalMapper mapper, String user, char[] password) {
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
