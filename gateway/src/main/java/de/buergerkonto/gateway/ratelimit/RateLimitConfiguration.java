package de.buergerkonto.gateway.ratelimit;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.data.redis.core.ReactiveStringRedisTemplate;

import io.lettuce.core.ClientOptions;

/**
 * The rate limiter's Redis client. While Redis is unreachable Lettuce would queue commands until it
 * reconnects and let requests hang; here commands are refused at once, so a request fails closed
 * within {@code spring.data.redis.timeout}, and the reconnect still happens in the background.
 */
@Configuration(proxyBeanMethods = false)
class RateLimitConfiguration {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }

    @Bean
    FixedWindowRateLimiter fixedWindowRateLimiter(ReactiveStringRedisTemplate redis) {
        return new FixedWindowRateLimiter(redis);
    }
}
