package de.buergerkonto.authserver.authorization;

import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import org.springframework.data.redis.core.StringRedisTemplate;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.stereotype.Service;

import tools.jackson.databind.json.JsonMapper;

/**
 * What a citizen agreed to release to a service, in Redis key
 * {@code consent:{registeredClientId}:{accountId}} without expiry: a consent holds until the
 * citizen withdraws it.
 */
@Service
public final class RedisOAuth2AuthorizationConsentService implements OAuth2AuthorizationConsentService {

    private final StringRedisTemplate redis;
    private final JsonMapper json;

    public RedisOAuth2AuthorizationConsentService(StringRedisTemplate redis, JsonMapper json) {
        this.redis = redis;
        this.json = json;
    }

    @Override
    public void save(OAuth2AuthorizationConsent consent) {
        Objects.requireNonNull(consent, "consent");
        Set<String> authorities = new TreeSet<>();
        consent.getAuthorities().forEach(authority -> authorities.add(authority.getAuthority()));
        StoredConsent stored = new StoredConsent(consent.getRegisteredClientId(), consent.getPrincipalName(),
                authorities);
        redis.opsForValue().set(key(consent.getRegisteredClientId(), consent.getPrincipalName()),
                json.writeValueAsString(stored));
    }

    @Override
    public void remove(OAuth2AuthorizationConsent consent) {
        Objects.requireNonNull(consent, "consent");
        redis.delete(key(consent.getRegisteredClientId(), consent.getPrincipalName()));
    }

    @Override
    public OAuth2AuthorizationConsent findById(String registeredClientId, String principalName) {
        return Optional.ofNullable(redis.opsForValue().get(key(registeredClientId, principalName)))
                .map(value -> json.readValue(value, StoredConsent.class))
                .map(StoredConsent::toConsent)
                .orElse(null);
    }

    private static String key(String registeredClientId, String principalName) {
        return AuthorizationKeys.consent(registeredClientId, principalName);
    }

    /** The stored form: authorities as their plain names ({@code SCOPE_email}). */
    record StoredConsent(String registeredClientId, String principalName, Set<String> authorities) {

        OAuth2AuthorizationConsent toConsent() {
            OAuth2AuthorizationConsent.Builder consent = OAuth2AuthorizationConsent.withId(registeredClientId,
                    principalName);
            authorities.forEach(authority -> consent.authority(grantedAuthority(authority)));
            return consent.build();
        }

        private static GrantedAuthority grantedAuthority(String authority) {
            return new SimpleGrantedAuthority(authority);
        }
    }
}
