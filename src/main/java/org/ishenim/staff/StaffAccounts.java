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

/** The staff accounts: create, list, lock and unlock. Every change evicts cached credentials. */
@Service
public class StaffAccounts {

    static final int MIN_PASSWORD = 10;

    private final JdbcClient db;
    private final PasswordEncoder passwords;
    private final Clock clock;
    private final ApplicationEventPublisher events;

    StaffAccounts(JdbcClient db, PasswordEncoder passwords, Clock clock, ApplicationEventPublisher events) {
        this.db = db;
        this.passwords = passwords;
        this.clock = clock;
        this.events = events;
    }

    @Transactional
    public UUID create(String username, Roles role, String password, boolean allowShortPassword) {
        var name = new Username(username);
        if (!allowShortPassword && (password == null || password.length() < MIN_PASSWORD)) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters.");
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
        changed(id, db.sql("UPDATE staff_user SET enabled = :e WHERE id = :id").param("e", enabled).param("id", id).update());
    }

    @Transactional
    void unlock(UUID id) {
        changed(id, db.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE id = :id")
                .param("id", id).update());
    }

    @Transactional
    void resetPassword(UUID id, String password) {
        if (password == null || password.length() < MIN_PASSWORD) {
            throw new IllegalArgumentException("A password has at least " + MIN_PASSWORD + " characters.");
        }
        changed(id, db.sql("UPDATE staff_user SET password_hash = :h WHERE id = :id")
                .param("h", passwords.encode(password)).param("id", id).update());
    }

    /** Counts a failed login; the account locks for {@code minutes} at the {@code limit}-th failure in a row. */
    @Transactional
    void failedLogin(String username, int limit, long minutes) {
        int updated = db.sql("UPDATE staff_user SET failed_logins = failed_logins + 1 WHERE username = :u")
                .param("u", username).update();
        if (updated == 0) {
            return;
        }
        db.sql("UPDATE staff_user SET locked_until = :until WHERE username = :u AND failed_logins >= :limit")
                .param("until", OffsetDateTime.ofInstant(clock.instant().plusSeconds(minutes * 60), ZoneOffset.UTC))
                .param("u", username).param("limit", limit).update();
        events.publishEvent(new StaffChanged(username));
    }

    @Transactional
    void succeededLogin(String username) {
        if (db.sql("UPDATE staff_user SET failed_logins = 0, locked_until = NULL WHERE username = :u AND failed_logins > 0")
                .param("u", username).update() > 0) {
            events.publishEvent(new StaffChanged(username));
        }
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
