package org.ishenim.staff;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.dao.DaoAuthenticationProvider;
import org.springframework.security.authentication.event.AuthenticationFailureBadCredentialsEvent;
import org.springframework.security.authentication.event.AuthenticationSuccessEvent;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.userdetails.User;
import org.springframework.security.core.userdetails.UserDetailsService;
import org.springframework.security.core.userdetails.UsernameNotFoundException;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.DelegatingPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * Staff authentication: Argon2id password hashes, lockout after {@code ishenim.security.max-failed-logins}
 * failures in a row, and a short-lived cache of verified credentials so that API calls do not pay a full
 * password hash each time.
 */
@Configuration
class StaffSecurity {

    private final StaffAccounts accounts;
    private final int maxFailed;
    private final long lockMinutes;

    StaffSecurity(StaffAccounts accounts,
            @Value("${ishenim.security.max-failed-logins:5}") int maxFailed,
            @Value("${ishenim.security.lockout-minutes:15}") long lockMinutes) {
        this.accounts = accounts;
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
            return User.withUsername(member.username())
                    .password(hash)
                    .authorities(List.of(new SimpleGrantedAuthority(member.role().authority())))
                    .disabled(!member.enabled())
                    .accountLocked(member.lockedAt(accounts.instant()))
                    .build();
        };
    }

    @Bean
    CachedCredentials authenticationProvider(UserDetailsService details, PasswordEncoder encoder,
            @Value("${ishenim.security.credential-cache:PT2M}") Duration ttl) {
        var dao = new DaoAuthenticationProvider(details);
        dao.setPasswordEncoder(encoder);
        return new CachedCredentials(dao, ttl);
    }

    /** Names with failed logins since their last success; only they need their counter reset on success. */
    private final java.util.Set<String> failing = java.util.concurrent.ConcurrentHashMap.newKeySet();

    @EventListener
    void failed(AuthenticationFailureBadCredentialsEvent event) {
        String name = String.valueOf(event.getAuthentication().getName());
        failing.add(name);
        accounts.failedLogin(name, maxFailed, lockMinutes);
    }

    @EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void rememberFailing() {
        accounts.list().stream().filter(m -> m.failedLogins() > 0).forEach(m -> failing.add(m.username()));
    }

    /** A success resets the failure counter; API calls with good credentials then cost no database write. */
    @EventListener
    void succeeded(AuthenticationSuccessEvent event) {
        String name = event.getAuthentication().getName();
        if (failing.remove(name)) {
            accounts.succeededLogin(name);
        }
    }

}
