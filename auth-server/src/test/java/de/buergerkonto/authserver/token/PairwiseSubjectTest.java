package de.buergerkonto.authserver.token;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.test.context.runner.ApplicationContextRunner;
import org.springframework.context.annotation.Configuration;

class PairwiseSubjectTest {

    private static final String SECRET = "demo-only-pairwise-secret-for-unit-tests-0123";

    private final PairwiseSubject subjects = new PairwiseSubject(new PairwiseSubjectProperties(SECRET));

    @Test
    void ofWhenSameClientAndAccountThenSameSubject() {
        assertThat(subjects.of("parking", "account-1")).isEqualTo(subjects.of("parking", "account-1"));
    }

    @Test
    void ofWhenDifferentClientsThenDifferentSubjectsForTheSameAccount() {
        assertThat(subjects.of("parking", "account-1")).isNotEqualTo(subjects.of("payments", "account-1"));
    }

    @Test
    void ofWhenDifferentAccountsThenDifferentSubjects() {
        assertThat(subjects.of("parking", "account-1")).isNotEqualTo(subjects.of("parking", "account-2"));
    }

    @Test
    void ofWhenAccountIdContainsSeparatorThenRejected() {
        assertThatThrownBy(() -> subjects.of("a", "b:c")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ofWhenComputedThenBase64UrlOfHmacSha256WithoutAccountId() {
        String subject = subjects.of("parking", "account-1");

        assertThat(subject).hasSize(43).matches("[A-Za-z0-9_-]+").doesNotContain("account-1");
    }

    @Test
    void ofWhenKnownInputThenKnownValue() {
        // HMAC-SHA256(key, "parking:account-1"), computed independently with openssl
        assertThat(subjects.of("parking", "account-1")).isEqualTo("VzUSd-YZIeA8qF4Oyn9sq7JvEl-4BzCvAX6PPdqm8TA");
    }

    @Test
    void ofWhenOtherSecretThenOtherSubject() {
        PairwiseSubject other = new PairwiseSubject(new PairwiseSubjectProperties(SECRET + "x"));

        assertThat(other.of("parking", "account-1")).isNotEqualTo(subjects.of("parking", "account-1"));
    }

    @Test
    void startWhenSecretShorterThan32CharactersThenFailsNamingTheProperty() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesConfig.class)
                .withPropertyValues("buergerkonto.pairwise-subject.secret=too-short")
                .run(context -> assertThat(context).hasFailed().getFailure()
                        .hasStackTraceContaining("buergerkonto.pairwise-subject.secret"));
    }

    @Test
    void startWhenSecretMissingThenFails() {
        new ApplicationContextRunner()
                .withUserConfiguration(PropertiesConfig.class)
                .run(context -> assertThat(context).hasFailed());
    }

    @Test
    void toStringWhenPrintedThenSecretHidden() {
        assertThat(new PairwiseSubjectProperties(SECRET).toString()).doesNotContain(SECRET);
    }

    @Configuration(proxyBeanMethods = false)
    @EnableConfigurationProperties(PairwiseSubjectProperties.class)
    static class PropertiesConfig {
    }
}
