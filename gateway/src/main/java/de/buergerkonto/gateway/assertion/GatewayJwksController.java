package de.buergerkonto.gateway.assertion;

import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import reactor.core.publisher.Mono;

/** {@code GET /.well-known/gateway-jwks.json}: the public keys the services verify assertions with, current and previous (RFC 7517). */
@RestController
class GatewayJwksController {

    private static final MediaType JWK_SET = MediaType.parseMediaType("application/jwk-set+json");

    private final GatewayKeys keys;

    GatewayJwksController(GatewayKeys keys) {
        this.keys = keys;
    }

    @GetMapping(GatewayKeys.JWKS_PATH)
    Mono<ResponseEntity<String>> jwks() {
        return keys.publicKeys().map(published -> ResponseEntity.ok()
                .contentType(JWK_SET)
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofMinutes(5)))
                .body(published.toString()));
    }
}
