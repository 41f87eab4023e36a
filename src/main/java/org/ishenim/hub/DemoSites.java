package org.ishenim.hub;

import java.util.List;
import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnWebApplication;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo hub's sites, registered once: the demo clinic ({@code ishenim.demo.site-code}) with the demo-only token
 * that the demo clinic sends ({@code ishenim.demo.site-token}, in application-demo.properties), and the synthetic
 * sites whose monthly reports the indicators module seeds ({@code ishenim.demo.national-sites}, {@code code:region}).
 * Those get a random token that nobody keeps: they never call the hub. Demo profile only: outside it no site and no
 * token exists until an administrator registers one.
 */
@Component
@Profile("demo")
@HubOnly
@ConditionalOnWebApplication
@Order(25)
class DemoSites implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoSites.class);

    private final HubSites sites;
    private final String code;
    private final String token;
    private final List<String> synthetic;

    DemoSites(HubSites sites, @Value("${ishenim.demo.site-code}") String code,
            @Value("${ishenim.demo.site-token}") String token,
            @Value("${ishenim.demo.national-sites:}") List<String> synthetic) {
        this.sites = sites;
        this.code = code;
        this.token = token;
        this.synthetic = synthetic;
    }

    @Override
    public void run(ApplicationArguments args) {
        if (sites.find(code).isEmpty()) {
            sites.register(code, "Demo clinic", token);
            log.info("Demo hub: site {} registered with the demo clinic's token", code);
        }
        int added = 0;
        for (String entry : synthetic) {
            String site = entry.strip().split(":", 2)[0];
            if (!site.isEmpty() && sites.find(site).isEmpty()) {
                sites.register(site, "Synthetic clinic " + site + " (demo)");
                added++;
            }
        }
        if (added > 0) {
            log.info("Demo hub: {} synthetic sites registered", added);
        }
    }
}
