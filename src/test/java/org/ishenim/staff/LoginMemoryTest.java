package org.ishenim.staff;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.Collection;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ApplicationContext;
import org.ishenim.testing.Http;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;

/**
 * Anonymous sign-in attempts cannot make the server remember more and more: every collection held by the staff
 * module's security beans stays bounded however many distinct names fail.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class LoginMemoryTest {

    @Autowired ApplicationContext context;
    @LocalServerPort int port;

    @Test
    void manyDistinctFailedNamesAreNotRemembered() throws Exception {
        var before = remembered(); // verified accounts of other tests may be cached: failed names must add nothing
        var http = new Http(port);
        for (int i = 0; i < 200; i++) {
            String name = i % 2 == 0 ? "ghost-" + i : i + "x".repeat(4_000); // plausible names and long ones
            assertThat(http.get(name + ":some password " + i, "/api/v1/clients").status()).isEqualTo(401);
        }
        assertThat(remembered()).isEqualTo(before);
    }

    /** Every non-empty collection or map held in a field of the staff module's beans, with its size. */
    private Map<String, Integer> remembered() throws IllegalAccessException {
        Map<String, Integer> found = new java.util.TreeMap<>();
        for (String bean : context.getBeanDefinitionNames()) {
            Object candidate = context.getBean(bean);
            Class<?> type = org.springframework.aop.support.AopUtils.getTargetClass(candidate);
            if (!type.getPackageName().equals("org.ishenim.staff")) {
                continue;
            }
            for (Field field : type.getDeclaredFields()) {
                if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                    continue;
                }
                field.setAccessible(true);
                Object value = field.get(org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(candidate) == null
                        ? candidate : org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(candidate));
                int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
                if (size > 0) {
                    found.put(type.getSimpleName() + "." + field.getName(), size);
                }
            }
        }
        return found;
    }
}
