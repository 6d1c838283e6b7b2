package org.tandem.rest.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.annotation.Annotation;

import org.junit.jupiter.api.Test;

class RestSettingsTest {

    @Test
    void acceptsTheRange() {
        assertThat(RestSettings.from(config(1024, 4))).isEqualTo(new RestSettings(1024, 4));
        assertThat(RestSettings.from(config(104_857_600L, 1000))).isEqualTo(new RestSettings(104_857_600L, 1000));
        assertThat(RestSettings.from(config(1_048_576L, 32))).isEqualTo(RestSettings.DEFAULTS);
    }

    @Test
    void rejectsEveryBadValueWithItsRange() {
        assertThatThrownBy(() -> RestSettings.from(config(10, 2)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("maxBodyBytes=10 is outside 1024..104857600; maxJsonDepth=2 is outside 4..1000");
        assertThatThrownBy(() -> RestSettings.from(config(-1, 32))).hasMessageContaining("maxBodyBytes=-1");
        assertThatThrownBy(() -> RestSettings.from(config(1024, 1001))).hasMessageContaining("maxJsonDepth=1001");
    }

    static RestConfig config(long body, int depth) {
        return new RestConfig() {
            @Override
            public Class<? extends Annotation> annotationType() {
                return RestConfig.class;
            }

            @Override
            public long maxBodyBytes() {
                return body;
            }

            @Override
            public int maxJsonDepth() {
                return depth;
            }
        };
    }
}
