package org.tandem.security.internal;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
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
import org.osgi.service.component.annotations.Reference;
import org.osgi.service.component.annotations.ReferenceCardinality;
import org.osgi.service.component.annotations.ReferencePolicy;
import org.osgi.service.component.annotations.ReferencePolicyOption;
import org.osgi.service.metatype.annotations.Designate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.apache.karaf.jaas.boot.principal.UserPrincipal;
import org.tandem.api.Caller;
import org.tandem.api.CallerAuthenticator;
import org.tandem.api.CallerResolver;
import org.tandem.api.audit.AuditEvent;
import org.tandem.api.audit.AuditLog;

/**
 * Authenticates against a Karaf JAAS realm (users.properties, LDAP, ... whatever the realm uses), and
 * resolves the caller of an already authenticated subject (the Karaf console) with the same mapping.
 *
 * <p>A successful login is remembered for {@link SecurityConfig#credentialCacheSeconds()} (a keyed hash of
 * user and password, see {@link CredentialCache}), so a client sending HTTP Basic on every request does
 * not pay a full JAAS login each time. A failed login is never remembered and drops the user's entry. A
 * password change, a removed account or a lock applied in the realm is therefore seen by the REST API at
 * the latest {@code credentialCacheSeconds} later (at most {@link #MAX_CACHE_SECONDS}); any change of this
 * configuration (e.g. {@code config:property-set -p org.tandem.security credentialCacheSeconds 0}) empties
 * the cache at once.
 */
@Component(service = { CallerAuthenticator.class, CallerResolver.class }, configurationPid = JaasCallerAuthenticator.PID)
@Designate(ocd = SecurityConfig.class)
public class JaasCallerAuthenticator implements CallerAuthenticator, CallerResolver {

    static final String PID = "org.tandem.security";

    private static final Logger LOG = LoggerFactory.getLogger(JaasCallerAuthenticator.class);

    static final int MAX_CACHED_USERS = 10_000;
    /** Upper bound of {@code credentialCacheSeconds}: how long a revoked credential may stay usable at most. */
    static final int MAX_CACHE_SECONDS = 300;
    static final int DEFAULT_CACHE_SECONDS = 60;

    /** One realm login: the caller, or empty when the realm refuses the credentials. */
    @FunctionalInterface
    interface RealmLogin {
        Optional<Caller> login(String realm, PrincipalMapper mapper, String user, char[] password);
    }

    private final RealmLogin realmLogin;
    private final Clock clock;
    private volatile String realm = "karaf";
    private volatile PrincipalMapper mapper = new PrincipalMapper("agency-");
    private volatile CredentialCache cache;
    private volatile LoginThrottle throttle = new LoginThrottle(5, Duration.ofMinutes(10), Duration.ofMinutes(10));

    /** Optional: lockouts are also written to the audit trail when the store is there. */
    @Reference(cardinality = ReferenceCardinality.OPTIONAL, policy = ReferencePolicy.DYNAMIC,
            policyOption = ReferencePolicyOption.GREEDY)
    private volatile AuditLog auditLog;

    public JaasCallerAuthenticator() {
        this(JaasCallerAuthenticator::jaasLogin, Clock.systemUTC());
    }

    /** For tests: a fake realm and a controllable clock. */
    JaasCallerAuthenticator(RealmLogin realmLogin, Clock clock) {
        this.realmLogin = realmLogin;
        this.clock = clock;
        this.cache = new CredentialCache(clock, DEFAULT_CACHE_SECONDS * 1000L, MAX_CACHED_USERS);
    }

    @Activate
    void activate(SecurityConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            LOG.error("Invalid configuration {} ({}); starting with realm={} agencyGroupPrefix={}", PID,
                    String.join("; ", problems), realm, mapper.agencyPrefix());
            return;
        }
        apply(config);
    }

    /** Live change: an invalid value is rejected with a log message and the configuration in force stays. */
    @Modified
    void modified(SecurityConfig config) {
        List<String> problems = problems(config);
        if (!problems.isEmpty()) {
            LOG.error("Rejected configuration change of {}: {}; keeping realm={} agencyGroupPrefix={}", PID,
                    String.join("; ", problems), realm, mapper.agencyPrefix());
            return;
        }
        apply(config);
        LOG.info("Configuration {} changed: realm={} agencyGroupPrefix={} credentialCacheSeconds={}", PID, realm,
                mapper.agencyPrefix(), config.credentialCacheSeconds());
    }

    private void apply(SecurityConfig config) {
        this.realm = config.realm().trim();
        this.mapper = new PrincipalMapper(config.agencyGroupPrefix().trim());
        // a new cache on every change: entries checked against another realm or mapping must not survive it
        this.cache = new CredentialCache(clock, config.credentialCacheSeconds() * 1000L, MAX_CACHED_USERS);
        this.throttle = new LoginThrottle(config.lockoutAttempts(), Duration.ofMinutes(config.lockoutWindowMinutes()),
                Duration.ofMinutes(config.lockoutMinutes()));
    }

    static List<String> problems(SecurityConfig config) {
        List<String> problems = new ArrayList<>();
        try {
            if (config.realm() == null || config.realm().isBlank()) {
                problems.add("realm must not be empty");
            }
            String prefix = config.agencyGroupPrefix();
            if (prefix == null || prefix.isBlank() || prefix.chars().anyMatch(Character::isWhitespace)) {
                problems.add("agencyGroupPrefix must be a non-empty word without spaces, e.g. agency-");
            }
            if (config.lockoutAttempts() < 1 || config.lockoutWindowMinutes() < 1 || config.lockoutMinutes() < 1) {
                problems.add("lockoutAttempts, lockoutWindowMinutes and lockoutMinutes must be at least 1");
            }
            int seconds = config.credentialCacheSeconds();
            if (seconds < 0 || seconds > MAX_CACHE_SECONDS) {
                problems.add("credentialCacheSeconds must be between 0 (off) and " + MAX_CACHE_SECONDS);
            }
        } catch (RuntimeException e) {
            problems.add("a value cannot be read: " + e.getMessage());
        }
        return problems;
    }

    @Override
    public Optional<Caller> resolve(Subject subject) {
        if (subject == null) {
            return Optional.empty();
        }
        String user = null;
        for (Principal p : subject.getPrincipals()) {
            if (p instanceof UserPrincipal) {
                user = p.getName();
                break;
            }
        }
        return user == null ? Optional.empty() : Optional.of(mapper.toCaller(user, subject.getPrincipals()));
    }

    @Override
    public Optional<Caller> authenticate(String user, char[] password) {
        if (user == null || user.isEmpty() || password == null) {
            return Optional.empty();
        }
        LoginThrottle locks = throttle;
        Instant now = clock.instant();
        if (locks.isLocked(user, now)) {
            // even the right password: guessing must not go on while locked
            cache.invalidate(user);
            locks.failed(user, now);
            return Optional.empty();
        }
        CredentialCache current = cache;
        Optional<Caller> cached = current.get(user, password);
        if (cached.isPresent()) {
            locks.succeeded(user);
            return cached;
        }
        Optional<Caller> caller = realmLogin.login(realm, mapper, user, password);
        if (caller.isPresent()) {
            current.put(user, password, caller.get());
            locks.succeeded(user);
        } else {
            current.invalidate(user);
            if (locks.failed(user, now) == LoginThrottle.Outcome.LOCKED_NOW) {
                locked(user);
            }
        }
        return caller;
    }

    private void locked(String user) {
        LOG.warn("Account {} locked after repeated failed logins", user);
        AuditLog audit = auditLog;
        if (audit != null) {
            try {
                audit.record(new AuditEvent(user, null, null, "ACCOUNT_LOCKED", "account", user, null, null, null,
                        "LOCKED"));
            } catch (RuntimeException e) {
                LOG.error("Lock of account {} not audited: {}", user, e.getMessage());
            }
        }
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
