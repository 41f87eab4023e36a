package org.ishenim.hub;

import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.ishenim.web.ConflictException;
import org.ishenim.web.CurrentStaff;
import org.ishenim.web.HubOnly;
import org.ishenim.web.InvalidFieldsException;
import org.ishenim.web.NotFoundException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The sites that may use the hub, and their tokens. A token is shown once; only its SHA-256 is kept. */
@Service
@HubOnly
class HubSites {

    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9-]{1,39}");

    /** A freshly issued token, to show once. */
    record Issued(String site, String token) {
        @Override
        public String toString() {
            return "Issued[" + site + ", token redacted]";
        }
    }

    private final JdbcClient db;
    private final AuditLog audit;
    private final Clock clock;
    private final HubEncodings encodings;

    HubSites(JdbcClient db, AuditLog audit, Clock clock, HubEncodings encodings) {
        this.db = db;
        this.audit = audit;
        this.clock = clock;
        this.encodings = encodings;
    }

    @Transactional
    Issued register(String code, String name) {
        return register(code, name, SiteToken.generate());
    }

    /** Registers a site with a token chosen by the caller: the demo hub's seeded demo clinic ({@link DemoSites}). */
    @Transactional
    Issued register(String code, String name, String token) {
        if (token == null || !token.startsWith(SiteToken.PREFIX) || token.length() < 32 || token.length() > 100) {
            throw new IllegalArgumentException("A site token starts with " + SiteToken.PREFIX
                    + " and has 32 to 100 characters.");
        }
        String c = code == null ? "" : code.strip().toLowerCase(java.util.Locale.ROOT);
        String n = name == null ? "" : name.strip();
        var errors = new java.util.LinkedHashMap<String, String>();
        if (!CODE.matcher(c).matches()) {
            errors.put("code", "2 to 40 lower-case letters, digits or hyphens.");
        }
        if (n.isEmpty() || n.length() > 200) {
            errors.put("name", "1 to 200 characters.");
        }
        if (!errors.isEmpty()) {
            throw new InvalidFieldsException(errors);
        }
        if (find(c).isPresent()) {
            throw new ConflictException("site-exists", "A site with this code exists.");
        }
        OffsetDateTime now = now();
        db.sql("""
                INSERT INTO hub_site (code, name, token_sha256, created_at, created_by, token_issued_at)
                VALUES (:code, :name, :hash, :at, :by, :at)
                """)
                .param("code", c).param("name", n).param("hash", SiteToken.sha256(token)).param("at", now)
                .param("by", CurrentStaff.username()).update();
        audit.record("hub.site.register", null, c, Outcome.SUCCESS);
        return new Issued(c, token);
    }

    /**
     * A new token for an active site; the old one stops working at once. A deactivated site stays deactivated: a
     * new token would switch it on again, so it is refused (409).
     */
    @Transactional
    Issued rotate(String code) {
        Site site = existing(code);
        String token = SiteToken.generate();
        int updated = db.sql("""
                UPDATE hub_site SET token_sha256 = :hash, token_issued_at = :at
                WHERE code = :code AND deactivated_at IS NULL
                """).param("hash", SiteToken.sha256(token)).param("at", now()).param("code", site.code()).update();
        if (updated == 0) {
            throw new ConflictException("site-deactivated", "The site is deactivated; it gets no new token.");
        }
        audit.record("hub.site.token", null, site.code(), Outcome.SUCCESS);
        return new Issued(site.code(), token);
    }

    /** The site's token stops working and its encodings leave the hub. */
    @Transactional
    void deactivate(String code) {
        Site site = existing(code);
        db.sql("UPDATE hub_site SET deactivated_at = :at WHERE code = :code").param("at", now()).param("code", site.code())
                .update();
        encodings.removeSite(site.code());
        audit.record("hub.site.deactivate", null, site.code(), Outcome.SUCCESS);
    }

    @Transactional(readOnly = true)
    List<Site> list() {
        return db.sql("""
                SELECT s.*, (SELECT COUNT(*) FROM hub_encoding e WHERE e.site_code = s.code) AS encodings
                FROM hub_site s ORDER BY s.code
                """).query((rs, n) -> new Site(rs.getString("code"), rs.getString("name"),
                        instant(rs.getObject("created_at", OffsetDateTime.class)), rs.getString("created_by"),
                        instant(rs.getObject("token_issued_at", OffsetDateTime.class)),
                        instant(rs.getObject("deactivated_at", OffsetDateTime.class)), rs.getLong("encodings")))
                .list();
    }

    /** The active site holding this token, if any. Looked up by hash: the token is never compared in clear. */
    @Transactional(readOnly = true)
    Optional<SitePrincipal> authenticate(String token) {
        if (token == null || !token.startsWith(SiteToken.PREFIX) || token.length() > 100) {
            return Optional.empty();
        }
        return db.sql("SELECT code FROM hub_site WHERE token_sha256 = :hash AND deactivated_at IS NULL")
                .param("hash", SiteToken.sha256(token)).query(String.class).optional().map(SitePrincipal::new);
    }

    Optional<Site> find(String code) {
        return list().stream().filter(s -> s.code().equals(code)).findFirst();
    }

    private Site existing(String code) {
        return find(code).orElseThrow(() -> new NotFoundException("No site with this code."));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    private static Instant instant(OffsetDateTime t) {
        return t == null ? null : t.toInstant();
    }

}
