package org.ishenim.stock;

import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.ClinicOnly;
import org.ishenim.web.ConflictException;
import org.ishenim.web.FreeText;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The clinic's sites. The default site is where staff work unless they say otherwise. A manager adds and renames
 * sites; a site is never deleted, since ledger lines refer to it.
 */
@Service
@ClinicOnly
public class Sites {

    private final JdbcClient db;
    private final AuditLog audit;
    private final SiteCode defaultSite;
    /** Codes seen to exist. Sites are never deleted (ledger lines refer to them), so a hit needs no query. */
    private final Set<String> known = ConcurrentHashMap.newKeySet();

    Sites(JdbcClient db, AuditLog audit, @Value("${ishenim.stock.default-site:main}") String defaultSite) {
        this.db = db;
        this.audit = audit;
        this.defaultSite = new SiteCode(defaultSite);
    }

    @Transactional(readOnly = true)
    public List<Site> all() {
        return db.sql("SELECT code, name FROM site ORDER BY name")
                .query((rs, n) -> new Site(new SiteCode(rs.getString(1)), rs.getString(2))).list();
    }

    /** A new site: a code of lower-case letters, digits or dashes, and a name; 409 when the code is taken. */
    @Transactional
    public Site add(String code, String name) {
        SiteCode site;
        try {
            site = new SiteCode(code == null ? "" : code.strip());
        } catch (IllegalArgumentException e) {
            throw new InvalidFieldsException(java.util.Map.of("code", e.getMessage()));
        }
        String label = FreeText.required("name", name, 80, "A site name is required.");
        // one statement decides, so two managers adding the same code at once get one site and one 409
        int added = db.sql("INSERT INTO site (code, name) VALUES (:c, :n) ON CONFLICT DO NOTHING")
                .param("c", site.value()).param("n", label).update();
        if (added == 0) {
            throw new ConflictException("site-exists", "A site with this code already exists.");
        }
        audit.record("stock.site.add", null, site.value(), Outcome.SUCCESS);
        return new Site(site, label);
    }

    /** A new name for a site; the code, which ledger lines and doses carry, stays. */
    @Transactional
    public Site rename(String code, String name) {
        SiteCode site = resolve(code);
        String label = FreeText.required("name", name, 80, "A site name is required.");
        db.sql("UPDATE site SET name = :n WHERE code = :c").param("n", label).param("c", site.value()).update();
        audit.record("stock.site.rename", null, site.value(), Outcome.SUCCESS);
        return new Site(site, label);
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
