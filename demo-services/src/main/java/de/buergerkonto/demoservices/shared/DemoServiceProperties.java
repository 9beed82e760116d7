package de.buergerkonto.demoservices.shared;

import java.net.URI;
import java.time.Duration;
import java.util.List;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.validation.annotation.Validated;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * {@code buergerkonto.demo-service.*}: which service this instance is, whose access tokens it
 * accepts and whose gateway assertions. Invalid values fail the startup naming the property.
 *
 * @param routeId the gateway's route id for this service: the {@code aud} its gateway assertions must carry
 * @param prefix the path prefix the gateway forwards unchanged, e.g. {@code /bewohnerparken}
 * @param level the minimum trust level of every request, in any accepted form
 * @param issuer the auth-server whose access tokens count ({@code iss})
 * @param jwksUri the auth-server's JWKS, {@code <issuer>/oauth2/jwks} unless read at an internal address
 * @param audiences the {@code aud} values accepted: the clients citizens use this service through
 * @param gateway the gateway whose assertions prove a request came through it
 * @param clockSkew how far {@code exp}, {@code nbf} and {@code iat} may be off, for tokens and assertions
 */
@ConfigurationProperties("buergerkonto.demo-service")
@Validated
public record DemoServiceProperties(
        @NotBlank @Pattern(regexp = "[A-Za-z0-9_-]+") String routeId,
        @NotNull @Pattern(regexp = "(/[A-Za-z0-9._~-]+)+", message = "must be a path prefix like /bewohnerparken") String prefix,
        @NotNull AssuranceLevel level,
        @NotNull URI issuer,
        @NotNull URI jwksUri,
        @NotEmpty List<@NotBlank String> audiences,
        @NotNull @Valid Gateway gateway,
        @NotNull @DefaultValue("30s") Duration clockSkew) {

    /**
     * @param issuer the gateway's configured issuer: the {@code iss} of its assertions
     * @param jwksUri where the gateway publishes its public keys ({@code /.well-known/gateway-jwks.json})
     * @param maxLifetime the longest {@code exp - iat} accepted; the contract allows 60 s
     */
    public record Gateway(@NotNull URI issuer, @NotNull URI jwksUri,
            @NotNull @DefaultValue("60s") Duration maxLifetime) {
    }
}
