package de.buergerkonto.authserver.web;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.autoconfigure.AutoConfigurations;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.boot.validation.autoconfigure.ValidationAutoConfiguration;
import org.springframework.context.annotation.Configuration;

class PublicUrlTest {

    private final ApplicationContextRunner context = new ApplicationContextRunner()
            .withConfiguration(AutoConfigurations.of(ValidationAutoConfiguration.class))
            .withUserConfiguration(Properties.class);

    @Test
    void startWhenHttpsUrlThenLinksBuiltOnIt() {
        context.withPropertyValues("buergerkonto.public-url=https://konto.hagen.de").run(started -> {
            assertThat(started).hasNotFailed();
            assertThat(started.getBean(PublicUrl.class).link("/verify-email", "token", "abc_-1"))
                    .isEqualTo("https://konto.hagen.de/verify-email?token=abc_-1");
        });
    }

    @ParameterizedTest
    @ValueSource(strings = {"konto.hagen.de", "ftp://konto.hagen.de", "https://konto.hagen.de?x=1",
            "https://konto.hagen.de#top"})
    void startWhenMalformedThenFailsNamingTheProperty(String url) {
        context.withPropertyValues("buergerkonto.public-url=" + url).run(started -> assertThat(started)
                .getFailure().rootCause().hasMessageContaining("buergerkonto.public-url"));
    }

    @Test
    void startWhenMissingThenFails() {
        context.run(started -> assertThat(started).hasFailed());
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PublicUrl.class)
    static class Properties {
    }
}
