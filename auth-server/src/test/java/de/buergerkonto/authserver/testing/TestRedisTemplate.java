package de.buergerkonto.authserver.testing;

import org.springframework.data.redis.connection.RedisStandaloneConfiguration;
import org.springframework.data.redis.connection.lettuce.LettuceConnectionFactory;
import org.springframework.data.redis.core.StringRedisTemplate;

import de.buergerkonto.testsupport.TestRedis;
import io.lettuce.core.RedisURI;

/** A template on the test Redis for unit tests that need real Redis but no application context. */
public final class TestRedisTemplate {

    private static StringRedisTemplate template;

    private TestRedisTemplate() {
    }

    public static synchronized StringRedisTemplate get() {
        if (template == null) {
            RedisURI uri = TestRedis.uri();
            RedisStandaloneConfiguration configuration = new RedisStandaloneConfiguration(uri.getHost(), uri.getPort());
            configuration.setDatabase(uri.getDatabase());
            LettuceConnectionFactory connections = new LettuceConnectionFactory(configuration);
            connections.afterPropertiesSet();
            connections.start();
            template = new StringRedisTemplate(connections);
        }
        return template;
    }
}
