package org.ishenim.duplicates;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.ishenim.clients.ClientId;
import org.ishenim.web.ClinicOnly;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Which of this clinic's clients stand behind the references it sent the hub. Public: the monthly report
 * (indicators) accepts the hub's "counted elsewhere" list only for references this clinic holds
 * (docs/indicators.md, "Safeguards at the clinic"). A reference the clinic never sent is simply absent from the
 * answer. Not audited here: the caller audits the read it belongs to.
 */
@Component
@ClinicOnly
public class DuplicateReferences {

    private static final int CHUNK = 500;

    private final JdbcClient db;

    DuplicateReferences(JdbcClient db) {
        this.db = db;
    }

    /** The clients of those references that this clinic holds, by reference. */
    @Transactional(readOnly = true)
    public Map<String, ClientId> clientsOf(Collection<String> references) {
        List<String> refs = new ArrayList<>(references);
        Map<String, ClientId> found = new HashMap<>();
        for (int from = 0; from < refs.size(); from += CHUNK) {
            db.sql("SELECT reference, client_id FROM duplicate_check WHERE reference IN (:refs)")
                    .param("refs", refs.subList(from, Math.min(refs.size(), from + CHUNK)))
                    .query((rs, n) -> found.put(rs.getString(1), new ClientId(rs.getObject(2, UUID.class)))).list();
        }
        return found;
    }
}
