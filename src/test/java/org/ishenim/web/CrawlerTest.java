package org.ishenim.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Crawler;
import org.ishenim.testing.StaffFixture;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API route of a clinic, found in Spring's handler mapping, with odd values in every path variable,
 * parameter and JSON field, as every clinic role and anonymously: no answer is a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
class CrawlerTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void noRouteAnswers5xxToOddValuesForAnyRole() {
        StaffFixture.onePerRole(staff);
        Crawler crawler = new Crawler(port);
        List<Crawler.Caller> callers = new ArrayList<>();
        callers.add(crawler.anonymous());
        for (Roles role : Roles.on("clinic")) {
            callers.add(crawler.staff(role.name().toLowerCase(), StaffFixture.PASSWORD));
        }
        List<Crawler.Route> routes = Crawler.routes(mapping);
        assertThat(routes).hasSizeGreaterThan(60);

        assertThat(crawler.crawl(routes, callers)).isEmpty();
    }
}
