package de.buergerkonto.testsupport;

import java.util.Map;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.CommandLinePropertySource;
import org.springframework.core.env.MapPropertySource;
import org.springframework.core.env.MutablePropertySources;

/**
 * Points every Spring application started in a test JVM at {@link TestRedis}; registered in
 * {@code META-INF/spring.factories}, so a test needs no setup of its own. A test that starts an
 * application against a Redis of its own passes {@code --spring.data.redis.url} as an argument:
 * command-line arguments stay ahead of this default.
 */
public final class TestRedisInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    private static final String COMMAND_LINE_ARGUMENTS = CommandLinePropertySource.COMMAND_LINE_PROPERTY_SOURCE_NAME;

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        MutablePropertySources sources = context.getEnvironment().getPropertySources();
        MapPropertySource testRedis = new MapPropertySource("testRedis", Map.of("spring.data.redis.url", TestRedis.url()));
        if (sources.contains(COMMAND_LINE_ARGUMENTS)) {
            sources.addAfter(COMMAND_LINE_ARGUMENTS, testRedis);
        } else {
            sources.addFirst(testRedis);
        }
    }
}
