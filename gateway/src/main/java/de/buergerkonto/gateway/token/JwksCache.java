package de.buergerkonto.gateway.token;

import java.net.URI;
import java.text.ParseException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

import org.apache.commons.logging.Log;
import org.apache.commons.logging.LogFactory;
import org.springframework.web.reactive.function.client.WebClient;

import com.nimbusds.jose.jwk.JWK;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jwt.SignedJWT;

import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * The issuer's signing keys (RFC 7517 JWK Set) for offline validation, read from its JWKS URI and
 * kept in memory.
 *
 * <p>Why not Spring Security's own remote JWK source: it reads the JWKS again for every token whose
 * {@code kid} it does not know (anyone can send such tokens) and never forgets a key the issuer has
 * withdrawn. Here:
 * <ul>
 * <li>a token with an unknown {@code kid} reads the JWKS again, at most once per
 *     {@code minRefetchInterval}: a rotation is followed at once, a flood of made-up key ids costs
 *     one request to the issuer per interval;</li>
 * <li>a JWKS older than {@code refreshAfter} is read again, so withdrawn keys are forgotten;</li>
 * <li>concurrent reads share one request.</li>
 * </ul>
 *
 * <p>Failure policy: when the issuer cannot be reached, the keys already read stay in use (they
 * still verify what the issuer signed); a token that needs a key not yet known, or any token before
 * the first successful read, fails with {@link JwksUnavailableException}, answered with 503.
 */
final class JwksCache implements Function<SignedJWT, Flux<JWK>> {

    private static final Log log = LogFactory.getLog(JwksCache.class);
    private static final Duration FETCH_TIMEOUT = Duration.ofSeconds(2);

    /** One read of the JWKS; a new read is a new snapshot, even with the same keys. */
    record Snapshot(JWKSet keys, Instant readAt) {
    }

    private final WebClient webClient;
    private final URI jwksUri;
    private final Duration refreshAfter;
    private final Duration minRefetchInterval;
    private final Clock clock;
    private final AtomicReference<Snapshot> snapshot = new AtomicReference<>();
    private volatile Instant lastRead;
    private Mono<Snapshot> inFlight;

    JwksCache(WebClient webClient, URI jwksUri, Duration refreshAfter, Duration minRefetchInterval, Clock clock) {
        this.webClient = Objects.requireNonNull(webClient, "webClient");
        this.jwksUri = Objects.requireNonNull(jwksUri, "jwksUri");
        this.refreshAfter = Objects.requireNonNull(refreshAfter, "refreshAfter");
        this.minRefetchInterval = Objects.requireNonNull(minRefetchInterval, "minRefetchInterval");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Flux<JWK> apply(SignedJWT jwt) {
        String keyId = jwt.getHeader().getKeyID();
        return current().flatMapMany(known -> {
            List<JWK> keys = select(known.keys(), keyId);
            if (!keys.isEmpty() || !mayReadAgain()) {
                return Flux.fromIterable(keys);
            }
            return read().flatMapIterable(fresh -> select(fresh.keys(), keyId));
        });
    }

    /** The keys tokens are verified with now; {@code null} before the first read. */
    Snapshot inUse() {
        return snapshot.get();
    }

    /**
     * Whether a token verified with {@code keys} may be trusted without a new check: they are still the
     * keys in use and not older than {@code refreshAfter}, so a withdrawn key is forgotten as fast as here.
     */
    boolean isCurrent(Snapshot keys) {
        return keys == snapshot.get() && clock.instant().isBefore(keys.readAt().plus(refreshAfter));
    }

    private Mono<Snapshot> current() {
        Snapshot known = snapshot.get();
        if (known == null) {
            return read();
        }
        if (!clock.instant().isBefore(known.readAt().plus(refreshAfter)) && mayReadAgain()) {
            return read().onErrorResume(JwksUnavailableException.class, unavailable -> {
                log.warn("The issuer's JWKS could not be refreshed; the keys read at " + known.readAt() + " stay in use");
                return Mono.just(known);
            });
        }
        return Mono.just(known);
    }

    private boolean mayReadAgain() {
        Instant last = lastRead;
        return last == null || !clock.instant().isBefore(last.plus(minRefetchInterval));
    }

    private synchronized Mono<Snapshot> read() {
        if (inFlight == null) {
            lastRead = clock.instant();
            inFlight = webClient.get().uri(jwksUri).retrieve().bodyToMono(String.class)
                    .timeout(FETCH_TIMEOUT)
                    .map(body -> new Snapshot(parse(body), clock.instant()))
                    .onErrorMap(failure -> !(failure instanceof JwksUnavailableException), JwksUnavailableException::new)
                    // before anyone sees the result: a read starting after it must not get this one again
                    .doOnNext(fresh -> {
                        snapshot.set(fresh);
                        readFinished();
                    })
                    .doOnError(failure -> readFinished())
                    .doOnCancel(this::readFinished)
                    .cache();
        }
        return inFlight;
    }

    private synchronized void readFinished() {
        inFlight = null;
    }

    private static JWKSet parse(String body) {
        try {
            return JWKSet.parse(body);
        }
        catch (ParseException unparsable) {
            throw new JwksUnavailableException(unparsable);
        }
    }

    /** The key the token names, or every key when it names none; the JWT processor picks by algorithm and use. */
    private static List<JWK> select(JWKSet keys, String keyId) {
        if (keyId == null) {
            return keys.getKeys();
        }
        JWK key = keys.getKeyByKeyId(keyId);
        return key == null ? List.of() : List.of(key);
    }
}
