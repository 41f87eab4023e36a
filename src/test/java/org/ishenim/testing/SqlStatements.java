package org.ishenim.testing;

import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.QueryCountHolder;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * Counts the SQL statements this thread sends to the database (datasource-proxy), so that a test can say "the
 * dosing queue costs the same few statements for 10 clients as for 50" where a time would depend on the machine's
 * load. Import {@link Counting} into the test's context; MockMvc serves a request on the test's thread, so its
 * statements are counted too, and background threads' (the audit sealer's) are not.
 */
public final class SqlStatements {

    private SqlStatements() {
    }

    @TestConfiguration(proxyBeanMethods = false)
    public static class Counting {

        @Bean
        static BeanPostProcessor countSqlStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds
                            ? ProxyDataSourceBuilder.create(ds).name(name).countQuery().build() : bean;
                }
            };
        }
    }

    /**
     * Records the text of the SQL statements this thread sends (see {@link #sent}), for a test that reads a
     * statement's plan.
     */
    @TestConfiguration(proxyBeanMethods = false)
    public static class Recording {

        @Bean
        static BeanPostProcessor recordSqlStatements() {
            return new BeanPostProcessor() {
                @Override
                public Object postProcessAfterInitialization(Object bean, String name) {
                    return bean instanceof DataSource ds ? ProxyDataSourceBuilder.create(ds).name(name)
                            .afterQuery((execution, queries) -> {
                                List<String> texts = RECORDED.get();
                                if (texts != null) {
                                    queries.forEach(q -> texts.add(q.getQuery()));
                                }
                            }).build() : bean;
                }
            };
        }
    }

    private static final ThreadLocal<List<String>> RECORDED = new ThreadLocal<>();

    /** The text of the statements {@code work} sent from this thread, in order (needs {@link Recording}). */
    public static List<String> sent(ThrowingRunnable work) throws Exception {
        List<String> texts = new ArrayList<>();
        RECORDED.set(texts);
        try {
            work.run();
        } finally {
            RECORDED.remove();
        }
        return texts;
    }

    /** The statements {@code work} sent from this thread. */
    public static long during(ThrowingRunnable work) throws Exception {
        QueryCountHolder.clear();
        work.run();
        long total = QueryCountHolder.getGrandTotal().getTotal();
        QueryCountHolder.clear();
        return total;
    }

    @FunctionalInterface
    public interface ThrowingRunnable {
        void run() throws Exception;
    }
}
