package org.ishenim.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.ishenim.audit.AuditLog;
import org.ishenim.audit.Outcome;
import org.springframework.security.authentication.event.AbstractAuthenticationFailureEvent;
import org.springframework.security.authentication.event.AuthenticationFailureDisabledEvent;
import org.springframework.security.authentication.event.AuthenticationFailureLockedEvent;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff authentication: Argon2id password hashes, lockout after {@code ishenim.security.max-failed-logins}
 * failures in a row (counted in the database before each check, {@link LimitedAttempts}), and a short-lived cache of
 * verified credentials so that API calls do not pay a full password hash each time. Nothing about a failed name is
 * kept in memory.
 */
@Configuration
class StaffSecurity {

    private final StaffAccounts accounts;
    private final AuditLog audit;
    private final TransactionTemplate tx;
    private final int maxFailed;
    private final long lockMinutes;

    StaffSecurity(StaffAccounts accounts, AuditLog audit, TransactionTemplate tx,
            @Value("${ishenim.security.max-failed-logins:5}") int maxFailed,
            @Value("${ishenim.security.lockout-minutes:15}") long lockMinutes) {
        this.accounts = accounts;
        this.audit = audit;
        this.tx = tx;
        this.maxFailed = maxFailed;
        this.lockMinutes = lockMinutes;
    }

    @Bean
    static PasswordEncoder passwordEncoder() {
        return new DelegatingPasswordEncoder("argon2",
                Map.of("argon2", Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8()));
    }

    @Bean
    UserDetailsService staffDetails() {
        return username -> {
            var member = accounts.find(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
            String hash = accounts.passwordHash(username).orElseThrow(() -> new UsernameNotFoundException("unknown"));
            return new StaffUser(member.username(), hash, member.enabled(), !member.lockedAt(accounts.instant()),
                    List.of(new SimpleGrantedAuthority(member.role().authority())), accounts.version(username));
        };
    }

    /**
     * Cached credentials first (a verified password costs no hash and no write), then the reserved, counted check
     * ({@link LimitedAttempts}), then the password hash itself.
     */
    @Bean
    CachedCredentials authenticationProvider(UserDetailsService details, PasswordEncoder encoder,
            @Value("${ishenim.security.credential-cache:PT2M}") Duration ttl) {
        var dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        return new CachedCredentials(new LimitedAttempts(dao, accounts, maxFailed, lockMinutes), ttl,
                CachedCredentials.MAX_ENTRIES);
    }

    /**
     * Every refused login is audited: under the account's name when the account exists, otherwise under a keyed
     * hash of what was typed (which may be a person's name or a password), never the text itself.
     */
    @EventListener
    void refused(AbstractAuthenticationFailureEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        String action = event instanceof AuthenticationFailureLockedEvent ? "login.locked"
                : event instanceof AuthenticationFailureDisabledEvent ? "login.disabled" : "login.failed";
        boolean known = Username.plausible(name) && accounts.exists(name);
        tx.executeWithoutResult(s -> {
            if (known) {
                audit.recordAs(name, "NONE", action, null, null, Outcome.DENIED);
            } else {
                audit.recordUnknownActor(name, action, Outcome.DENIED);
            }
        });
    }
}
