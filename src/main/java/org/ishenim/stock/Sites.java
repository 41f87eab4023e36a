package org.ishenim.stock;

import java.util.List;
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

    /** The named site, or the default one when {@code code} is blank; 404 when it does not exist. */
    @Transactional(readOnly = true)
    public SiteCode resolve(String code) {
        SiteCode site = code == null || code.isBlank() ? defaultSite : new SiteCode(code.strip());
        boolean known = db.sql("SELECT COUNT(*) FROM site WHERE code = :c").param("c", site.value())
                .query(Long.class).single() > 0;
        if (!known) {
            throw new NotFoundException("unknown-site", "No site with this code.");
        }
        return site;
    }
}
