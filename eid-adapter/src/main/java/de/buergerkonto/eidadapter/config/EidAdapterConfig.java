package de.buergerkonto.eidadapter.config;

import java.time.Clock;

import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerkonto.eidadapter.binding.RedirectBindingLimits;
import de.buergerkonto.eidadapter.replay.AssertionReplayCache;
import de.buergerkonto.eidadapter.replay.RedisAssertionReplayCache;
import de.buergerkonto.eidadapter.response.EidResponseSettings;
import de.buergerkonto.eidadapter.response.EidResponseValidator;
import io.lettuce.core.ClientOptions;
import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.TimeoutOptions;
import io.lettuce.core.api.StatefulRedisConnection;

/**
 * Wires the protocol core to the configuration: keys, the Redis connection every store shares,
 * the response pipeline.
 */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(EidAdapterProperties.class)
class EidAdapterConfig {

    @Bean
    Clock clock() {
        return Clock.systemUTC();
    }

    @Bean
    EidKeyMaterial eidKeyMaterial(EidAdapterProperties properties) {
        return EidKeyMaterial.load(properties);
    }

    @Bean
    PublicUrls publicUrls(EidAdapterProperties properties) {
        return new PublicUrls(properties.serviceProvider().publicBaseUrl());
    }

    /**
     * Lettuce directly (the replay cache and the stores use its atomic commands); every command
     * times out after {@code eid-adapter.redis-timeout}, so a stalled Redis becomes an error
     * page instead of a hanging browser.
     */
    @Bean(destroyMethod = "shutdown")
    RedisClient eidRedisClient(@Value("${spring.data.redis.url}") String url, EidAdapterProperties properties) {
        RedisURI uri = RedisURI.create(url);
        uri.setTimeout(properties.redisTimeout());
        RedisClient client = RedisClient.create(uri);
        client.setOptions(ClientOptions.builder()
                .timeoutOptions(TimeoutOptions.enabled(properties.redisTimeout()))
                .build());
        return client;
    }

    @Bean(destroyMethod = "close")
    StatefulRedisConnection<String, String> eidRedisConnection(RedisClient eidRedisClient) {
        return eidRedisClient.connect();
    }

    @Bean
    AssertionReplayCache assertionReplayCache(StatefulRedisConnection<String, String> eidRedisConnection) {
        return new RedisAssertionReplayCache(eidRedisConnection);
    }

    @Bean
    EidResponseSettings eidResponseSettings(EidAdapterProperties properties, EidKeyMaterial keys, PublicUrls urls) {
        return new EidResponseSettings(properties.eidServer().entityId(), keys.eidServerCertificate(),
                properties.serviceProvider().entityId(), urls.assertionConsumerUrl(), keys.spDecryptionKey(),
                properties.clockSkew(), RedirectBindingLimits.DEFAULT);
    }

    @Bean
    EidResponseValidator eidResponseValidator(EidResponseSettings settings, AssertionReplayCache replayCache,
            Clock clock) {
        return new EidResponseValidator(settings, replayCache, clock);
    }
}
