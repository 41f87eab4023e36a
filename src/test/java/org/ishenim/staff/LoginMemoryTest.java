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

    /**
     * An anonymous visitor makes the server keep no session: not for the login page (its CSRF token), not for a
     * failed login, not for the page it asked for before signing in. Only a successful sign-in creates one.
     */
    @Test
    void anonymousVisitorsGetNoSession() throws Exception {
        var http = new Http(port);
        var login = http.get(null, "/login");
        assertThat(login.status()).isEqualTo(200);
        assertThat(sessionCookie(login)).as("GET /login").isFalse();
        var asked = http.get(null, "/clients");
        assertThat(asked.status()).isEqualTo(302);
        assertThat(sessionCookie(asked)).as("GET /clients").isFalse();
        var cookies = String.join("; ", login.headers("Set-Cookie").stream().map(c -> c.split(";")[0]).toList());
        var failed = http.raw("POST", "/login", Http.form(Map.of("username", "ghost-visitor", "password",
                "wrong password here", "_csrf", Http.csrf(login.body()))), "Cookie: " + cookies);
        assertThat(failed.status()).isEqualTo(302);
        assertThat(failed.header("Location").orElse("")).contains("error");
        assertThat(sessionCookie(failed)).as("failed POST /login").isFalse();
    }

    private static boolean sessionCookie(Http.Response response) {
        return response.cookie("JSESSIONID").isPresent();
    }

    /** Every non-empty collection or map held in a field of the staff module's beans, with its size. */
    private Map<String, Integer> remembered() throws IllegalAccessException {
        Map<String, Integer> found = new java.util.TreeMap<>();
        for (String bean : context.getBeanDefinitionNames()) {
            Object candidate = context.getBean(bean);
            Object target = org.springframework.aop.framework.AopProxyUtils.getSingletonTarget(candidate);
            Object instance = target == null ? candidate : target;
            // the declared class and its superclasses (a @Configuration bean is a generated subclass)
            for (Class<?> type = instance.getClass(); type != null && type != Object.class; type = type.getSuperclass()) {
                if (!type.getPackageName().equals("org.ishenim.staff")) {
                    continue;
                }
                for (Field field : type.getDeclaredFields()) {
                    if (java.lang.reflect.Modifier.isStatic(field.getModifiers())) {
                        continue;
                    }
                    field.setAccessible(true);
                    Object value = field.get(instance);
                    int size = value instanceof Collection<?> c ? c.size() : value instanceof Map<?, ?> m ? m.size() : 0;
                    if (size > 0) {
                        found.put(type.getSimpleName() + "." + field.getName(), size);
                    }
                }
            }
        }
        return found;
    }
}
