package org.ishenim.staff;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.context.event.EventListener;
import org.springframework.security.authentication.AuthenticationProvider;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a short time, that a user name and password were verified. The password is kept only as an
 * HMAC under a key that lives in this process's memory, so a heap dump or the cache itself does not reveal
 * it. Any change to the account (lock, disable, new password) evicts the entry at once.
 */
class CachedCredentials implements AuthenticationProvider {

    private record Verified(byte[] fingerprint, Authentication result, long expiresAt) {
    }

    private final AuthenticationProvider delegate;
    private final long ttlNanos;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    CachedCredentials(AuthenticationProvider delegate, Duration ttl) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (name == null || credentials == null) {
            return delegate.authenticate(authentication);
        }
        byte[] fingerprint = fingerprint(name, credentials.toString());
        Verified seen = cache.get(name);
        if (seen != null && seen.expiresAt - System.nanoTime() > 0 && MessageDigest.isEqual(seen.fingerprint, fingerprint)) {
            return seen.result;
        }
        Authentication result = delegate.authenticate(authentication);
        if (result != null && result.isAuthenticated()) {
            var stored = UsernamePasswordAuthenticationToken.authenticated(result.getPrincipal(), null,
                    result.getAuthorities());
            cache.put(name, new Verified(fingerprint, stored, System.nanoTime() + ttlNanos));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    @EventListener
    void evict(StaffChanged changed) {
        cache.remove(changed.username());
    }

    private byte[] fingerprint(String name, String password) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            mac.update(name.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return mac.doFinal(password.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
