package org.ishenim.staff;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.ishenim.web.ConflictException;
import org.ishenim.web.NotFoundException;
import org.ishenim.web.Roles;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The staff accounts: create, list, lock and unlock. Every change to an existing account raises
 * {@code account_version} in the same UPDATE (which ends its sessions and cached credentials on every instance,
 * {@link StaffAccountCheck}) and evicts this instance's cached credentials. A new kind of change (a role change)
 * must do the same.
 */
@Service
public class StaffAccounts {

    /**
     * Whether a reservation let the password be checked ({@link #reserveAttempt}): counted; refused (locked);
     * busy (checks still under way fill the limit, and the account is not locked: try again when they end); or not
     * counted (no such enabled account).
     */
    enum Attempt { COUNTED, REFUSED, BUSY, NOT_COUNTED }

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;
    private final PasswordRules rules = PasswordRules.shipped();
    private final boolean weakAllowed;

    StaffAccounts(JdbcClient db, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events,
            @org.springframework.beans.factory.annotation.Value("${ishenim.security.weak-seed-passwords:false}") boolean weakAllowed) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
        this.weakAllowed = weakAllowed;
    }

    /**
     * Creates an account. The password rules ({@link PasswordRules}) apply on every path; {@code seedPassword}
     * lifts them only where {@code ishenim.security.weak-seed-passwords} is set (the demo and test profiles).
     */
    @Transactional
    public UUID create(String username, Roles role, String password, boolean seedPassword) {
        var name = new Username(username);
        if (!(seedPassword && weakAllowed)) {
            rules.require(name.value(), password);
        }
        if (find(name.value()).isPresent()) {
            throw new ConflictException("username-taken", "This user name is taken.");
        }
        UUID id = UUID.randomUUID();
        try {
            db.sql("""
                    INSERT INTO staff_user (id, username, password_hash, role, enabled, failed_logins, created_at)
                    VALUES (:id, :username, :hash, :role, TRUE, 0, :now)
                    """)
                    .param("id", id).param("username", name.value()).param("hash", passwords.encode(password))
                    .param("role", role.name()).param("now", now()).update();
        } catch (DuplicateKeyException raced) {
            // another request created the same name between the check above and this insert
            throw new ConflictException("username-taken", "This user name is taken.");
        }
        return id;
    }

    public boolean exists(Roles role) {
        return db.sql("SELECT COUNT(*) FROM staff_user WHERE role = :role AND enabled = TRUE")
                .param("role", role.name()).query(Long.class).single() > 0;
    }

    public boolean exists(String username) {
        return find(username).isPresent();
    }

    List<StaffMember> list() {
        return db.sql("SELECT * FROM staff_user ORDER BY username").query(StaffAccounts::member).list();
    }

    Optional<StaffMember> find(String username) {
        return db.sql("SELECT * FROM staff_user WHERE username = :u").param("u", username)
                .query(StaffAccounts::member).optional();
    }

    Optional<String> passwordHash(String username) {
        return db.sql("SELECT password_hash FROM staff_user WHERE username = :u").param("u", username)
                .query(String.class).optional();
    }

    @Transactional
    void setEnabled(UUID id, boolean enabled) {
        if (!enabled) {
            boolean isAdmin = db.sql("SELECT COUNT(*) FROM staff_user WHERE id = :id AND role = 'ADMIN'")
                    .param("id", id).query(Long.class).single() > 0;
            long otherAdmins = db.sql("SELECT COUNT(*) FROM staff_user WHERE role = 'ADMIN' AND enabled = TRUE AND id <> :id")
                    .param("id", id).query(Long.class).single();
            if (isAdmin && otherAdmins == 0) {
                throw new org.ishenim.web.RuleViolationException("last-admin",
                        "The last enabled administrator cannot be disabled.");
            }
        }
        changed(id, db.sql("UPDATE staff_user SET enabled = :e, account_version = account_version + 1 WHERE id = :id")
                .param("e", enabled).param("id", id).update());
    }

    @Transactional
    void unlock(UUID id) {
        changed(id, db.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL, account_version = account_version + 1 WHERE id = :id")
                .param("id", id).update());
    }

    @Transactional
    void resetPassword(UUID id, String password) {
        String username = db.sql("SELECT username FROM staff_user WHERE id = :id").param("id", id).query(String.class)
                .optional().orElseThrow(() -> new NotFoundException("No such user."));
        rules.require(username, password);
        changed(id, db.sql("UPDATE staff_user SET password_hash = :h, account_version = account_version + 1 WHERE id = :id")
                .param("h", passwords.encode(password)).param("id", id).update());
    }

    /**
     * Reserves one password check for an enabled account, counting it as a failure until it succeeds: one UPDATE
     * that only matches while fewer than {@code limit} checks are outstanding (or an earlier lock has run out), so
     * however many guesses arrive at once, on however many servers, at most {@code limit} are ever checked.
     * {@link Attempt#NOT_COUNTED} for an unknown or disabled name: nothing is checked against a password then.
     */
    @Transactional
    Attempt reserveAttempt(String username, int limit) {
        OffsetDateTime now = now();
        int reserved = db.sql("""
                UPDATE staff_user
                SET failed_logins = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN 1
                                         ELSE failed_logins + 1 END,
                    locked_until = CASE WHEN locked_until IS NOT NULL AND locked_until <= :now THEN NULL
                                        ELSE locked_until END
                WHERE username = :u AND enabled = TRUE
                  AND (failed_logins < :limit OR (locked_until IS NOT NULL AND locked_until <= :now))
                """).param("u", username).param("limit", limit).param("now", now).update();
        if (reserved == 1) {
            return Attempt.COUNTED;
        }
        Optional<Boolean> locked = db.sql("""
                SELECT locked_until IS NOT NULL AND locked_until > :now FROM staff_user
                WHERE username = :u AND enabled = TRUE
                """).param("u", username).param("now", now).query(Boolean.class).optional();
        if (locked.isEmpty()) {
            return Attempt.NOT_COUNTED;
        }
        return locked.get() ? Attempt.REFUSED : Attempt.BUSY;
    }

    /**
     * A reserved check failed. It stays counted; at the {@code limit}-th the account locks for {@code minutes}, and
     * the lock ends the account's sessions.
     */
    @Transactional
    void failedLogin(String username, int limit, long minutes) {
        if (db.sql("""
                UPDATE staff_user SET locked_until = :until, account_version = account_version + 1
                WHERE username = :u AND failed_logins >= :limit AND locked_until IS NULL
                """)
                .param("until", OffsetDateTime.ofInstant(clock.instant().plusSeconds(minutes * 60), ZoneOffset.UTC))
                .param("u", username).param("limit", limit).update() > 0) {
            events.publishEvent(new StaffChanged(username));
        }
    }

    /** A reserved check succeeded: the failures in a row start again from zero. */
    @Transactional
    void succeededLogin(String username) {
        db.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE username = :u AND failed_logins > 0")
                .param("u", username).update();
    }

    /** The version of an enabled account, or empty when it is disabled or gone. */
    Optional<Long> currentVersion(String username) {
        return db.sql("SELECT account_version FROM staff_user WHERE username = :u AND enabled = TRUE")
                .param("u", username).query(Long.class).optional();
    }

    long version(String username) {
        return db.sql("SELECT account_version FROM staff_user WHERE username = :u").param("u", username)
                .query(Long.class).optional().orElse(0L);
    }

    private void changed(UUID id, int rows) {
        if (rows == 0) {
            throw new NotFoundException("No such user.");
        }
        String username = db.sql("SELECT username FROM staff_user WHERE id = :id").param("id", id).query(String.class).single();
        events.publishEvent(new StaffChanged(username));
    }

    private OffsetDateTime now() {
        return OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
    }

    static StaffMember member(ResultSet rs, int row) throws SQLException {
        var locked = rs.getObject("locked_until", OffsetDateTime.class);
        return new StaffMember(rs.getObject("id", UUID.class), rs.getString("username"),
                Roles.valueOf(rs.getString("role")), rs.getBoolean("enabled"), rs.getInt("failed_logins"),
                locked == null ? null : locked.toInstant(),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    Instant instant() {
        return clock.instant();
    }
}
