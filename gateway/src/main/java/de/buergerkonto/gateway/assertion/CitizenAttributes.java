package de.buergerkonto.gateway.assertion;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;

import de.buergerkonto.gateway.GatewayProperties;
import reactor.core.publisher.Mono;

/**
 * The citizen's claims a route releases, read from the auth-server's userinfo endpoint with the
 * citizen's own access token (so the auth-server's consent and scopes decide what exists) and kept
 * per token for {@code attributes-cache-ttl}, never beyond the token's expiry. Only the names the
 * route lists are passed on; when userinfo cannot be read, none ({@code {}}): attributes are data
 * for the service, not a decision of the gateway.
 */
@Component
public class CitizenAttributes {

    private static final Log log = LogFactory.getLog(CitizenAttributes.class);
    private static final Duration USERINFO_TIMEOUT = Duration.ofSeconds(3);
    private static final int MAX_CACHED_TOKENS = 10_000;

    private record Cached(Map<String, Object> claims, Instant until) {
    }

    private final WebClient webClient = WebClient.create();
    private final URI userinfo;
    private final Duration ttl;
    private final Clock clock;
    private final Map<String, Cached> cache = new ConcurrentHashMap<>();

    public CitizenAttributes(GatewayProperties properties, Clock clock) {
        this.userinfo = URI.create(properties.issuer().toString().replaceAll("/$", "") + "/userinfo");
        this.ttl = properties.assertion().attributesCacheTtl();
        this.clock = clock;
    }

    /** The claims of {@code released} that userinfo has for the citizen of {@code accessToken}. */
    public Mono<Map<String, Object>> released(Jwt accessToken, List<String> released) {
        if (released.isEmpty()) {
            return Mono.just(Map.of());
        }
        return claims(accessToken).map(claims -> {
            Map<String, Object> selected = new LinkedHashMap<>();
            released.stream().filter(claims::containsKey).forEach(name -> selected.put(name, claims.get(name)));
            return selected;
        });
    }

    private Mono<Map<String, Object>> claims(Jwt accessToken) {
        Instant now = clock.instant();
        String key = hash(accessToken.getTokenValue());
        Cached cached = cache.get(key);
        if (cached != null && now.isBefore(cached.until())) {
            return Mono.just(cached.claims());
        }
        return webClient.get().uri(userinfo).headers(headers -> headers.setBearerAuth(accessToken.getTokenValue()))
                .retrieve().bodyToMono(new ParameterizedTypeReference<Map<String, Object>>() { })
                .timeout(USERINFO_TIMEOUT)
                .doOnNext(claims -> remember(key, claims, now, accessToken.getExpiresAt()))
                .onErrorResume(failure -> {
                    log.warn("Userinfo not available, the assertion carries no attributes: " + failure.getClass().getSimpleName());
                    return Mono.just(Map.of());
                });
    }

    private void remember(String key, Map<String, Object> claims, Instant now, Instant tokenExpiry) {
        if (cache.size() >= MAX_CACHED_TOKENS) {
            cache.values().removeIf(entry -> !now.isBefore(entry.until()));
            if (cache.size() >= MAX_CACHED_TOKENS) {
                cache.clear();
            }
        }
        Instant until = now.plus(ttl);
        cache.put(key, new Cached(Map.copyOf(claims), tokenExpiry != null && tokenExpiry.isBefore(until) ? tokenExpiry : until));
    }

    private static String hash(String token) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.UTF_8)));
        }
        catch (NoSuchAlgorithmException missing) {
            throw new IllegalStateException(missing);
        }
    }
}
