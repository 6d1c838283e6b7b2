package org.tandem.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;

import javax.ws.rs.WebApplicationException;

import org.junit.jupiter.api.Test;

/** A streamed (undeclared) body is capped for every reader, with a 413 that IOException handlers do not swallow. */
class BodySizeFilterTest {

    @Test
    void aStreamedBodyOverTheCapIsA413ForAnyReader() {
        InputStream in = new BodySizeFilter.LimitedStream(new ByteArrayInputStream(new byte[2 * 1024 * 1024]), 1024);
        assertThatThrownBy(() -> {
            try {
                in.readAllBytes();
            } catch (IOException e) {
                throw new AssertionError("a resource catching IOException would answer 400", e);
            }
        }).isInstanceOfSatisfying(WebApplicationException.class, e -> {
            assertThat(e.getResponse().getStatus()).isEqualTo(413);
            assertThat(e.getResponse().getMediaType().toString()).isEqualTo(Problems.MEDIA_TYPE);
        });
    }

    @Test
    void aBodyUpToTheCapIsReadWhole() throws IOException {
        InputStream in = new BodySizeFilter.LimitedStream(new ByteArrayInputStream(new byte[1024]), 1024);
        assertThat(in.readAllBytes()).hasSize(1024);
        assertThat(in.read()).isEqualTo(-1);
    }
}
