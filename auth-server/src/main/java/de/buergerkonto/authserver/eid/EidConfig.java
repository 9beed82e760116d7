package de.buergerkonto.authserver.eid;

import java.time.Clock;

import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.eidhandover.EidHandoverTokenReader;

/** The ID card's beans, present only when {@code buergerkonto.eid.adapter-start-url} is set. */
@Configuration(proxyBeanMethods = false)
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class EidConfig {

    @Bean
    EidKeyMaterial eidKeyMaterial(EidProperties properties) {
        return EidKeyMaterial.load(properties);
    }

    @Bean
    EidHandoverTokenReader eidHandoverTokenReader(EidProperties properties, EidKeyMaterial keys,
            StringRedisTemplate redis, Clock clock) {
        return new EidHandoverTokenReader(properties.adapterIssuer(), properties.audience(), keys.adapterSigningKey(),
                keys.decryptionKey(), properties.clockSkew(), new RedisJtiStore(redis, clock), clock);
    }

    @Bean
    CardPseudonyms cardPseudonyms(EidProperties properties) {
        return new CardPseudonyms(properties.pseudonymKeyBytes());
    }
}
