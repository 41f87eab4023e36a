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
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.AuthenticationException;

/**
 * Remembers, for a short time, that a user name and password were verified. The password is kept only as an
 * HMAC under a key that lives in this process's memory, so a heap dump or the cache itself does not reveal
 * it. Any change to the account (lock, disable, new password) evicts the entry at once, and on other server
 * instances the account version ({@link StaffAccountCheck}) refuses the stale entry. Only verified accounts are
 * kept, at most {@code maxEntries} of them: a name that fails is never remembered, and a name that cannot be a user
 * name is refused before anything is computed for it.
 */
class CachedCredentials implements AuthenticationProvider {

    private record Verified(byte[] fingerprint, Authentication result, long expiresAt) {
    }

    static final int MAX_ENTRIES = 10_000;
    /** Longer than any password the rules accept (128 characters) in any encoding. */
    static final int MAX_PASSWORD_CHARS = 1024;

    private final AuthenticationProvider delegate;
    private final long ttlNanos;
    private final int maxEntries;
    private final byte[] key = new byte[32];
    private final Map<String, Verified> cache = new ConcurrentHashMap<>();

    CachedCredentials(AuthenticationProvider delegate, Duration ttl, int maxEntries) {
        this.delegate = delegate;
        this.ttlNanos = ttl.toNanos();
        this.maxEntries = maxEntries;
        new SecureRandom().nextBytes(key);
    }

    @Override
    public Authentication authenticate(Authentication authentication) throws AuthenticationException {
        String name = authentication.getName();
        Object credentials = authentication.getCredentials();
        if (!Username.plausible(name) || credentials == null || credentials.toString().length() > MAX_PASSWORD_CHARS) {
            throw new BadCredentialsException("Bad credentials");
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
            if (cache.size() >= maxEntries) {
                long now = System.nanoTime();
                cache.values().removeIf(v -> v.expiresAt - now <= 0);
                if (cache.size() >= maxEntries) {
                    cache.clear();
                }
            }
            cache.put(name, new Verified(fingerprint, stored, System.nanoTime() + ttlNanos));
        }
        return result;
    }

    @Override
    public boolean supports(Class<?> authentication) {
        return UsernamePasswordAuthenticationToken.class.isAssignableFrom(authentication);
    }

    int size() {
        return cache.size();
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
