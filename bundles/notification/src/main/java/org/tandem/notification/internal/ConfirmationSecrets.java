package org.tandem.notification.internal;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;

import javax.crypto.SecretKeyFactory;
import javax.crypto.spec.PBEKeySpec;

import org.tandem.api.Ids;

/**
 * Codes, link tokens and PINs. Only hashes are stored: an SMS code together with the number it went to (so a code is
 * only worth guessing from that phone, and the rate limit is per phone), a PIN with PBKDF2 and a salt.
 */
public final class ConfirmationSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();
    private static final int PIN_ITERATIONS = 60_000;

    private ConfirmationSecrets() {
    }

    /** Six digits, easy to type back on a phone. */
    static String newSmsCode() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** 120 random bits (24 base32 characters): a link cannot be guessed. */
    static String newLinkToken() {
        return Ids.newId();
    }

    static boolean looksLikeLinkToken(String token) {
        return token != null && Ids.looksLikeId(token);
    }

    /** "+1 (217) 555-0101" and "+12175550101" are the same number. */
    static String normalizePhone(String phone) {
        return phone == null ? "" : phone.replaceAll("[^0-9+]", "");
    }

    static String addressHash(String phone) {
        return sha256("tel:" + normalizePhone(phone));
    }

    static String secretHash(String secret, String addressHash) {
        return sha256(secret + "|" + (addressHash == null ? "" : addressHash));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String hashPin(String pin) {
        byte[] salt = new byte[16];
        RANDOM.nextBytes(salt);
        return "pbkdf2-sha256$" + PIN_ITERATIONS + "$" + Base64.getEncoder().encodeToString(salt) + "$"
                + Base64.getEncoder().encodeToString(pbkdf2(pin, salt, PIN_ITERATIONS));
    }

    static boolean pinMatches(String pin, String stored) {
        String[] parts = stored == null ? new String[0] : stored.split("\\$");
        if (parts.length != 4 || pin == null) {
            return false;
        }
        byte[] expected = Base64.getDecoder().decode(parts[3]);
        byte[] actual = pbkdf2(pin, Base64.getDecoder().decode(parts[2]), Integer.parseInt(parts[1]));
        return MessageDigest.isEqual(expected, actual);
    }

    private static byte[] pbkdf2(String pin, byte[] salt, int iterations) {
        try {
            return SecretKeyFactory.getInstance("PBKDF2WithHmacSHA256")
                    .generateSecret(new PBEKeySpec(pin.toCharArray(), salt, iterations, 256)).getEncoded();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
