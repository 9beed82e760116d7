package de.buergerkonto.authserver.userinfo;

import com.nimbusds.jose.JOSEObjectType;
import com.nimbusds.jose.jwk.source.JWKSource;
import com.nimbusds.jose.proc.DefaultJOSEObjectTypeVerifier;
import com.nimbusds.jose.proc.SecurityContext;

import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtTypeValidator;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Reads the bearer token at the UserInfo endpoint: only this server's access tokens
 * ({@code typ: at+jwt}, RFC 9068, section 4), so an ID token is never accepted in their place.
 */
@Configuration(proxyBeanMethods = false)
class AccessTokenDecoderConfig {

    private static final String ACCESS_TOKEN_TYPE = "at+jwt";

    @Bean
    JwtDecoder jwtDecoder(JWKSource<SecurityContext> signingKeys) {
        NimbusJwtDecoder decoder = NimbusJwtDecoder.withJwkSource(signingKeys)
                .jwtProcessorCustomizer(processor -> processor.setJWSTypeVerifier(
                        new DefaultJOSEObjectTypeVerifier<>(new JOSEObjectType(ACCESS_TOKEN_TYPE))))
                .build();
        decoder.setJwtValidator(JwtValidators.createDefaultWithValidators(new JwtTypeValidator(ACCESS_TOKEN_TYPE)));
        return decoder;
    }
}
