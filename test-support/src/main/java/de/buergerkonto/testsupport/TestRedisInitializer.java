package de.buergerkonto.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * Points every Spring application started in a test JVM at {@link TestRedis}; registered in
 * {@code META-INF/spring.factories}, so a test needs no setup of its own.
 */
public final class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testRedis",
                Map.of("spring.data.redis.url", TestRedis.url())));
    }
}
