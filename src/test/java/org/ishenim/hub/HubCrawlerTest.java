package org.ishenim.hub;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.ishenim.staff.StaffAccounts;
import org.ishenim.testing.Crawler;
import org.ishenim.testing.StaffFixture;
import org.ishenim.web.Roles;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/**
 * Every page and API route of the hub, found in Spring's handler mapping, with odd values in every path variable,
 * parameter and JSON field, as every hub role, as a site (bearer token) and anonymously: no answer is a 5xx.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = "ishenim.role=hub")
@ActiveProfiles("test")
class HubCrawlerTest {

    @LocalServerPort
    int port;
    @Autowired
    StaffAccounts staff;
    @Autowired
    HubSites sites;
    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void noRouteAnswers5xxToOddValuesForAnyRole() {
        StaffFixture.onePerRole(staff);
        String token = sites.register("crawled-site", "Crawled site").token();
        Crawler crawler = new Crawler(port);
        List<Crawler.Caller> callers = new ArrayList<>();
        callers.add(crawler.anonymous());
        callers.add(crawler.withAuthorization("site", "Bearer " + token));
        for (Roles role : Roles.on("hub")) {
            callers.add(crawler.staff(role.name().toLowerCase(), StaffFixture.PASSWORD));
        }
        List<Crawler.Route> routes = Crawler.routes(mapping);
        assertThat(routes).extracting(Crawler.Route::pattern).contains("/api/v1/hub/queries");

        assertThat(crawler.crawl(routes, callers)).isEmpty();
    }
}
