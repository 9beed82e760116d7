package de.buergerkonto.authserver.redis;

import org.springframework.boot.data.redis.autoconfigure.LettuceClientOptionsBuilderCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import io.lettuce.core.ClientOptions;

/**
 * While Redis is unreachable, Lettuce would queue every command until it reconnects and let
 * requests hang; here commands are refused at once, so a request fails closed within the
 * configured timeouts ({@code spring.data.redis.timeout}) and the reconnect still happens in
 * the background.
 */
@Configuration(proxyBeanMethods = false)
class RedisFailFastConfig {

    @Bean
    LettuceClientOptionsBuilderCustomizer rejectCommandsWhileDisconnected() {
        return options -> options.disconnectedBehavior(ClientOptions.DisconnectedBehavior.REJECT_COMMANDS);
    }
}
