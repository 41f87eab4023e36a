package org.ishenim.testing;

import java.util.List;
import java.util.Map;

import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.test.context.ContextConfigurationAttributes;
import org.springframework.test.context.ContextCustomizer;
import org.springframework.test.context.ContextCustomizerFactory;
import org.springframework.test.context.MergedContextConfiguration;
import org.springframework.test.context.TestContextAnnotationUtils;

/**
 * Points the context of a {@link BothDatabases} test at a fresh PostgreSQL database when the run asks for it
 * ({@code ishenim.test.database=postgres}); otherwise changes nothing, and the test profile's H2 is used.
 * Registered in {@code META-INF/spring.factories}.
 */
public final class DatabaseSelection implements ContextCustomizerFactory {

    @Override
    public ContextCustomizer createContextCustomizer(Class<?> testClass,
            List<ContextConfigurationAttributes> configAttributes) {
        if (!Databases.isPostgres() || !TestContextAnnotationUtils.hasAnnotation(testClass, BothDatabases.class)) {
            return null;
        }
        return new OnPostgres();
    }

    /** Equal to every other instance, so contexts that differ in nothing else are still shared. */
    private static final class OnPostgres implements ContextCustomizer {

        @Override
        public void customizeContext(ConfigurableApplicationContext context, MergedContextConfiguration config) {
            String url = Databases.newPostgresDatabase();
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("ishenim-test-postgres",
                    Map.of("spring.datasource.url", url, "spring.datasource.username", "postgres",
                            "spring.datasource.password", "postgres")));
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof OnPostgres;
        }

        @Override
        public int hashCode() {
            return OnPostgres.class.hashCode();
        }
    }
}
