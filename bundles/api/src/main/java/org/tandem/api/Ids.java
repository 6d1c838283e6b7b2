package org.tandem.api;

import java.security.SecureRandom;

/** Opaque, non-sequential identifiers: 120 random bits in lower-case base32 (24 characters). */
public final class Ids {

    private static final char[] ALPHABET = "abcdefghijklmnopqrstuvwxyz234567".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

    private Ids() {
    }

    public static String newId() {
        byte[] bytes = new byte[15];
        RANDOM.nextBytes(bytes);
        StringBuilder out = new StringBuilder(24);
        int buffer = 0;
        int bits = 0;
        for (byte b : bytes) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                out.append(ALPHABET[(buffer >> (bits - 5)) & 31]);
                bits -= 5;
            }
        }
        return out.toString();
    }

    /** True for strings that could be an id produced by {@link #newId()}; cheap guard for path params. */
    public static boolean looksLikeId(String s) {
        if (s == null || s.length() != 24) {
            return false;
        }
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (!((c >= 'a' && c <= 'z') || (c >= '2' && c <= '7'))) {
                return false;
            }
        }
        return true;
    }
}
