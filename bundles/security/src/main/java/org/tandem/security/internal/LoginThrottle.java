package org.tandem.security.internal;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Account lockout: {@code attempts} failed logins of one user name within {@code window} lock the account for
 * {@code lockFor}; while locked even the right password is refused (so guessing cannot go on), and a success
 * before that clears the failures. Kept per node, in memory: a restart unlocks (documented), and on several nodes
 * each node counts its own failures.
 */
final class LoginThrottle {

    /** What a failure led to. */
    enum Outcome { COUNTED, LOCKED_NOW, ALREADY_LOCKED }

    private final int attempts;
    private final Duration window;
    private final Duration lockFor;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();
    private final Map<String, Instant> lockedUntil = new ConcurrentHashMap<>();

    LoginThrottle(int attempts, Duration window, Duration lockFor) {
        if (attempts < 1 || window.isNegative() || window.isZero() || lockFor.isNegative() || lockFor.isZero()) {
            throw new IllegalArgumentException("lockout needs at least 1 attempt and positive durations");
        }
        this.attempts = attempts;
        this.window = window;
        this.lockFor = lockFor;
    }

    boolean isLocked(String user, Instant now) {
        Instant until = lockedUntil.get(key(user));
        if (until == null) {
            return false;
        }
        if (now.isBefore(until)) {
            return true;
        }
        lockedUntil.remove(key(user), until);
        return false;
    }

    Outcome failed(String user, Instant now) {
        String key = key(user);
        if (isLocked(user, now)) {
            return Outcome.ALREADY_LOCKED;
        }
        Deque<Instant> times = failures.computeIfAbsent(key, k -> new ArrayDeque<>());
        synchronized (times) {
            times.addLast(now);
            while (!times.isEmpty() && !times.peekFirst().isAfter(now.minus(window))) {
                times.removeFirst();
            }
            if (times.size() >= attempts) {
                times.clear();
                lockedUntil.put(key, now.plus(lockFor));
                return Outcome.LOCKED_NOW;
            }
        }
        return Outcome.COUNTED;
    }

    void succeeded(String user) {
        failures.remove(key(user));
    }

    /** Also caps memory: user names that never existed do not pile up beyond the window. */
    void forgetOlderThan(Instant cutoff) {
        failures.values().forEach(d -> {
            synchronized (d) {
                d.removeIf(t -> t.isBefore(cutoff));
            }
        });
        failures.values().removeIf(Deque::isEmpty);
    }

    private static String key(String user) {
        return user == null ? "" : user.toLowerCase(Locale.ROOT);
    }
}
