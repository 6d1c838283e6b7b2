package org.tandem.security.internal;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Arrays;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.tandem.api.Caller;

/**
 * Remembers, for a short time, that a user name and password were accepted by the realm, so HTTP Basic
 * does not cost a full JAAS login on every request. What is kept per user is a verifier,
 * HMAC-SHA256(user, password) under a random key that exists only in this object's memory, never the
 * password; a lookup recomputes the verifier and compares in constant time.
 *
 * <p>Consequences, documented for operators: a password change or a removed account is seen by the REST
 * API at the latest {@code ttl} after the change (a failed login for the user drops the entry at once).
 */
final class CredentialCache {

    private record Entry(byte[] verifier, Caller caller, long expiresAtMillis) {
    }

    private final Map<String, Entry> entries = new ConcurrentHashMap<>();
    private final Clock clock;
    private final SecretKeySpec key;
    private final long ttlMillis;
    private final int maxEntries;

    /** @param ttlMillis 0 or less: nothing is cached */
    CredentialCache(Clock clock, long ttlMillis, int maxEntries) {
        this.clock = clock;
        this.ttlMillis = ttlMillis;
        this.maxEntries = maxEntries;
        byte[] secret = new byte[32];
        new SecureRandom().nextBytes(secret);
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    boolean enabled() {
        return ttlMillis > 0;
    }

    /** The caller remembered for exactly this user and password, if not expired. */
    Optional<Caller> get(String user, char[] password) {
        if (!enabled()) {
            return Optional.empty();
        }
        Entry e = entries.get(user);
        if (e == null) {
            return Optional.empty();
        }
        if (clock.millis() >= e.expiresAtMillis()) {
            entries.remove(user, e);
            return Optional.empty();
        }
        return MessageDigest.isEqual(e.verifier(), verifier(user, password)) ? Optional.of(e.caller()) : Optional.empty();
    }

    /** Remembers a successful login. */
    void put(String user, char[] password, Caller caller) {
        if (!enabled()) {
            return;
        }
        if (entries.size() >= maxEntries) {
            long now = clock.millis();
            entries.values().removeIf(e -> now >= e.expiresAtMillis());
            if (entries.size() >= maxEntries) {
                entries.clear();
            }
        }
        entries.put(user, new Entry(verifier(user, password), caller, clock.millis() + ttlMillis));
    }

    /** Forgets the user (after a failed login: a wrong password must not leave an older success usable). */
    void invalidate(String user) {
        entries.remove(user);
    }

    int size() {
        return entries.size();
    }

    private byte[] verifier(String user, char[] password) {
        ByteBuffer pw = StandardCharsets.UTF_8.encode(CharBuffer.wrap(password));
        byte[] pwBytes = new byte[pw.remaining()];
        pw.get(pwBytes);
        if (pw.hasArray()) {
            Arrays.fill(pw.array(), (byte) 0);
        }
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(user.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            mac.update(pwBytes);
            return mac.doFinal();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        } finally {
            Arrays.fill(pwBytes, (byte) 0);
        }
    }
}
