package org.tandem.security.internal.rest;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.Annotation;
import java.lang.reflect.Method;
import java.util.Arrays;
import java.util.List;

import javax.ws.rs.DELETE;
import javax.ws.rs.GET;
import javax.ws.rs.HttpMethod;
import javax.ws.rs.Path;

import org.junit.jupiter.api.Test;

/**
 * The audit trail cannot be changed through the API: {@code /audit} has GET only, so DELETE (and PUT, POST, PATCH)
 * answer 405 (ConsoleIT sends a real DELETE). Retention purges go through the store's AuditRetention only.
 */
class AuditResourceTest {

    @Test
    void theAuditResourceHasNoMethodButGetAndNoSubResource() {
        List<Method> resourceMethods = Arrays.stream(AuditResource.class.getMethods())
                .filter(m -> Arrays.stream(m.getAnnotations()).anyMatch(AuditResourceTest::isJaxRs))
                .toList();

        assertThat(resourceMethods).hasSize(1);
        Method search = resourceMethods.get(0);
        assertThat(search.isAnnotationPresent(GET.class)).isTrue();
        assertThat(search.isAnnotationPresent(DELETE.class)).isFalse();
        assertThat(search.isAnnotationPresent(Path.class)).as("no sub-path that could take another method").isFalse();
    }

    private static boolean isJaxRs(Annotation a) {
        return a.annotationType().isAnnotationPresent(HttpMethod.class) || a.annotationType() == Path.class;
    }
}
