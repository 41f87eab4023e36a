package org.ishenim.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.junit.jupiter.api.Tag;

/**
 * Marks a Spring test class whose behaviour depends on the database: it runs on H2 in the default test run, and
 * again on a fresh embedded PostgreSQL database in the {@code postgres} run (a second surefire execution of the
 * tagged classes with {@code -Dishenim.test.database=postgres}; see pom.xml and docs/testing.md). One class, no
 * {@code *H2Test}/{@code *PostgresTest} subclasses. {@link Databases#isPostgres()} tells a test which run it is in.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@Tag(BothDatabases.TAG)
public @interface BothDatabases {

    /** The JUnit tag the {@code postgres} surefire execution selects. */
    String TAG = "both-databases";
}
