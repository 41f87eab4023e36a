package org.ishenim.hub;

import java.time.Clock;
import java.util.Optional;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.HubOnly;
import org.ishenim.web.Utc;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * At start-up, before the encodings are loaded into memory: if the stored encodings were made with another
 * encoding configuration than this hub's (the fingerprint in {@code hub_encoding_configuration}), they can no longer
 * be compared with new ones, so they are removed (audited) and the clinics upload again (docs/hub.md, "Switching
 * the encoding configuration"). The first start records the configuration and removes nothing.
 */
@Component
@HubOnly
class HubConfigurationSwitch {

    private static final Logger log = LoggerFactory.getLogger(HubConfigurationSwitch.class);

    HubConfigurationSwitch(JdbcClient db, AuditLog audit, Clock clock, TransactionTemplate tx,
            HubEncodingConfiguration configuration) {
        var expected = configuration.expected();
        tx.executeWithoutResult(s -> {
            Optional<String> stored = db.sql("SELECT fingerprint FROM hub_encoding_configuration WHERE id = 1")
                    .query(String.class).optional();
            if (stored.isPresent() && stored.get().equals(expected.fingerprint())) {
                return;
            }
            if (stored.isPresent()) {
                int removed = db.sql("DELETE FROM hub_encoding").update();
                audit.record("hub.encodings.configuration-switched", null,
                        removed + " encodings removed; now " + expected.configuration().id(), Outcome.SUCCESS);
                log.warn("Encoding configuration changed to {}: {} stored encodings of the previous configuration "
                        + "removed; the clinics must upload again", expected.label(), removed);
                db.sql("UPDATE hub_encoding_configuration SET configuration = :c, fingerprint = :f, since = :at "
                        + "WHERE id = 1").param("c", expected.configuration().id()).param("f", expected.fingerprint())
                        .param("at", Utc.of(clock.instant())).update();
            } else {
                db.sql("INSERT INTO hub_encoding_configuration (id, configuration, fingerprint, since) "
                        + "VALUES (1, :c, :f, :at)").param("c", expected.configuration().id())
                        .param("f", expected.fingerprint()).param("at", Utc.of(clock.instant())).update();
            }
        });
    }
}
