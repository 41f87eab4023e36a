package org.ishenim.reform.guidelines;

import org.ishenim.web.HubOnly;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/** On a hub with no recommendations yet, loads the Guidelines' starter set shipped with the project. */
@Component
@HubOnly
@Order(20)
class StarterGuidelines implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(StarterGuidelines.class);

    private final Recommendations recommendations;

    StarterGuidelines(Recommendations recommendations) {
        this.recommendations = recommendations;
    }

    @Override
    public void run(ApplicationArguments args) {
        int loaded = recommendations.loadStarterSetIfEmpty();
        if (loaded > 0) {
            log.info("Loaded {} Guidelines recommendations from the starter set", loaded);
        }
    }
}
