package de.buergerkonto.gateway.token;

import java.time.Duration;
import java.util.Objects;

import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import reactor.core.publisher.Mono;

/**
 * Remembers the access tokens whose signature has been verified, so that the next requests with the
 * same token skip parsing it and checking its RS256 signature, most of the CPU a token costs. Every
 * claim check still runs on every request.
 *
 * <p>Why this is sound:
 * <ul>
 * <li>the cache key is the exact token as received (header, claims and signature): another token,
 *     even one differing in a single character, is verified in full;</li>
 * <li>a remembered token counts only while the key set it was verified with is still the one in use
 *     and not older than the JWKS's {@code refresh-after} ({@link JwksCache#isCurrent}): a key the
 *     issuer withdraws is forgotten as fast as without this cache;</li>
 * <li>the validators ({@code exp} and {@code nbf} with the clock skew, {@code iss}, {@code typ},
 *     {@code sub}) run again on every hit; a token they now refuse goes through the full decoder and
 *     fails there with the same error as always;</li>
 * <li>only tokens that passed are remembered, at most {@value #MAX_TOKENS}, none longer than
 *     {@code refresh-after}.</li>
 * </ul>
 */
final class CachingAccessTokenDecoder implements ReactiveJwtDecoder {

    // a busy city's active citizens over a few minutes; a token with its parsed claims takes a few KiB
    static final int MAX_TOKENS = 10_000;

    private record Verified(Jwt jwt, JwksCache.Snapshot keys) {
    }

    private final ReactiveJwtDecoder decoder;
    private final OAuth2TokenValidator<Jwt> validator;
    private final JwksCache keys;
    private final Cache<String, Verified> verified;

    CachingAccessTokenDecoder(ReactiveJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, JwksCache keys,
            Duration refreshAfter) {
        this.decoder = Objects.requireNonNull(decoder, "decoder");
        this.validator = Objects.requireNonNull(validator, "validator");
        this.keys = Objects.requireNonNull(keys, "keys");
        this.verified = Caffeine.newBuilder().maximumSize(MAX_TOKENS).expireAfterWrite(refreshAfter).build();
    }

    @Override
    public Mono<Jwt> decode(String token) {
        Verified known = verified.getIfPresent(token);
        if (known != null) {
            if (keys.isCurrent(known.keys()) && !validator.validate(known.jwt()).hasErrors()) {
                return Mono.just(known.jwt());
            }
            verified.invalidate(token);
        }
        // the keys in use before the check: if they change meanwhile, the entry is simply not current
        JwksCache.Snapshot keysBefore = keys.inUse();
        return decoder.decode(token).doOnNext(jwt -> {
            if (keysBefore != null) {
                verified.put(token, new Verified(jwt, keysBefore));
            }
        });
    }
}
