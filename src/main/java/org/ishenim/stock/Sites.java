package org.ishenim.stock;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The clinic's sites. The default site is where staff work unless they say otherwise. */
@Service
@ClinicOnly
public class Sites {

    private final JdbcClient db;
    private final SiteCode defaultSite;
    /** Codes seen to exist. Sites are never deleted (ledger lines refer to them), so a hit needs no query. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Sites(JdbcClient db, @Value("${ishenim.stock.default-site:main}") String defaultSite) {
        this.db = db;
        this.defaultSite = new SiteCode(defaultSite);
    }

    @Transactional(readOnly = true)
    public List<Site> all() {
        return db.sql("SELECT code, name FROM site ORDER BY name")
                .query((rs, n) -> new Site(new SiteCode(rs.getString(1)), rs.getString(2))).list();
    }

    public SiteCode defaultSite() {
        return defaultSite;
    }

    /**
     * The named site, or the default one when {@code code} is blank; 404 when it does not exist. Called for
     * every dose, so a site once found is remembered; an unknown code is looked up every time.
     */
    @Transactional(readOnly = true)
    public SiteCode resolve(String code) {
        SiteCode site = code == null || code.isBlank() ? defaultSite : new SiteCode(code.strip());
        if (known.contains(site.value())) {
            return site;
        }
        boolean exists = db.sql("SELECT COUNT(*) FROM site WHERE code = :c").param("c", site.value())
                .query(Long.class).single() > 0;
        if (!exists) {
            throw new NotFoundException("unknown-site", "No site with this code.");
        }
        known.add(site.value());
        return site;
    }
}
