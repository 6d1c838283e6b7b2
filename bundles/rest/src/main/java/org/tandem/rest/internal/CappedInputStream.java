package org.tandem.rest.internal;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;

/**
 * Fails once more than {@code cap} bytes were read: with {@link BodyTooLargeException} here, with whatever
 * {@link #exceeded} throws in a subclass.
 */
class CappedInputStream extends FilterInputStream {

    /** Thrown through the JSON parser, then turned into a 413 by the body reader. */
    static final class BodyTooLargeException extends IOException {
        private static final long serialVersionUID = 1L;

        BodyTooLargeException(long cap) {
            super("request body exceeds " + cap + " bytes");
        }
    }

    private final long cap;
    private long count;

    CappedInputStream(InputStream in, long cap) {
        super(in);
        this.cap = cap;
    }

    @Override
    public int read() throws IOException {
        int b = super.read();
        if (b >= 0) {
            advance(1);
        }
        return b;
    }

    @Override
    public int read(byte[] buf, int off, int len) throws IOException {
        int n = super.read(buf, off, len);
        if (n > 0) {
            advance(n);
        }
        return n;
    }

    @Override
    public long skip(long n) throws IOException {
        long skipped = super.skip(n);
        advance(skipped);
        return skipped;
    }

    private void advance(long n) throws IOException {
        count += n;
        if (count > cap) {
            exceeded(cap);
        }
    }

    /** Called once the count passes the cap; must throw. */
    protected void exceeded(long cap) throws IOException {
        throw new BodyTooLargeException(cap);
    }
}
