package de.buergerkonto.gateway.policy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

import de.buergerkonto.trustlevel.AssuranceLevel;

class RoutePolicyTest {

    private static final Instant NOW = Instant.parse("2026-03-01T10:00:00Z");
    private static final Clock CLOCK = Clock.fixed(NOW, ZoneOffset.UTC);

    private final RoutePolicy fresh = new RoutePolicy(AssuranceLevel.SUBSTANTIAL, Set.of("parking.apply"),
            Duration.ofMinutes(15), Set.of("demo-cli"));

    @ParameterizedTest(name = "login {0} s ago on a 900 s route -> granted {1}")
    @CsvSource({"0, true", "899, true", "900, true", "901, false", "-30, true"})
    void decideWhenAuthTimeAtTheEdgesOfMaxAgeThenFreshUpToAndIncludingMaxAge(long secondsAgo, boolean granted) {
        PolicyDecision decision = fresh.decide(token(claims -> claims.put("auth_time", NOW.getEpochSecond() - secondsAgo)), CLOCK);

        assertThat(decision instanceof PolicyDecision.Granted).isEqualTo(granted);
        if (!granted) {
            assertThat(((PolicyDecision.StepUp) decision).challenge().wwwAuthenticate()).endsWith("max_age=\"900\"");
        }
    }

    @Test
    void decideWhenWrongAudienceAndTooWeakThenWrongAudienceFirst() {
        PolicyDecision decision = fresh.decide(token(claims -> {
            claims.put("aud", List.of("other"));
            claims.put("client_id", "other");
            claims.put("acr", AssuranceLevel.BASIC.acr());
        }), CLOCK);

        assertThat(decision).isInstanceOf(PolicyDecision.WrongAudience.class);
    }

    @Test
    void decideWhenTooWeakAndMissingScopeThenStepUpFirst() {
        PolicyDecision decision = fresh.decide(token(claims -> {
            claims.put("acr", AssuranceLevel.LOW.acr());
            claims.put("scope", "openid");
        }), CLOCK);

        assertThat(decision).isInstanceOf(PolicyDecision.StepUp.class);
    }

    @Test
    void decideWhenScopeMissingThenInsufficientScopeNamingAllRequired() {
        PolicyDecision decision = fresh.decide(token(claims -> claims.put("scope", "openid")), CLOCK);

        assertThat(decision).isEqualTo(new PolicyDecision.InsufficientScope(new java.util.TreeSet<>(Set.of("parking.apply"))));
    }

    @Test
    void decideWhenScopeAsJsonArrayThenRead() {
        PolicyDecision decision = fresh.decide(token(claims -> claims.put("scope", List.of("openid", "parking.apply"))), CLOCK);

        assertThat(decision).isInstanceOf(PolicyDecision.Granted.class);
    }

    @Test
    void decideWhenGrantedThenIdentityFromTheTokenNotTheRoute() {
        PolicyDecision decision = fresh.decide(token(claims -> claims.put("acr", AssuranceLevel.HIGH.acr())), CLOCK);

        assertThat(decision).isEqualTo(new PolicyDecision.Granted(new VerifiedIdentity("pairwise-1", AssuranceLevel.HIGH)));
    }

    @Test
    void constructWhenNoAudiencesOrFractionalMaxAgeThenRejected() {
        assertThatIllegalArgumentException().isThrownBy(() -> new RoutePolicy(AssuranceLevel.BASIC, Set.of(), null, Set.of()));
        assertThatIllegalArgumentException().isThrownBy(
                () -> new RoutePolicy(AssuranceLevel.BASIC, Set.of(), Duration.ofMillis(1500), Set.of("demo-cli")));
    }

    @Test
    void readWhenMetadataMapFromYamlThenPolicy() {
        assertThat(RoutePolicyMetadata.read(Map.of(RoutePolicyMetadata.KEY, Map.of("level", "STORK-QAA-Level-4",
                "audiences", Map.of("0", "demo-cli"), "scopes", "a b", "max-age", "5m"))))
                .contains(new RoutePolicy(AssuranceLevel.HIGH, Set.of("a", "b"), Duration.ofMinutes(5), Set.of("demo-cli")));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            unknown level   | medium | demo-cli | 5m
            no audiences    | high   |          | 5m
            unreadable age  | high   | demo-cli | soon
            fractional age  | high   | demo-cli | 1500ms
            """)
    void readWhenMetadataUnreadableThenEmpty(String name, String level, String audiences, String maxAge) {
        Map<String, Object> policy = new java.util.HashMap<>();
        policy.put("level", level);
        policy.put("audiences", audiences);
        policy.put("max-age", maxAge);

        assertThat(RoutePolicyMetadata.read(Map.of(RoutePolicyMetadata.KEY, policy))).isEmpty();
        assertThat(RoutePolicyMetadata.read(Map.of(RoutePolicyMetadata.KEY, "high"))).isEmpty();
        assertThat(RoutePolicyMetadata.read(Map.of())).isEmpty();
    }

    @Test
    void decideWhenTokenNotMarkedAuthenticatedThenStepUpNeverGranted() {
        JwtAuthenticationToken unauthenticated = new JwtAuthenticationToken(token(claims -> { }).getToken());

        assertThat(unauthenticated.isAuthenticated()).isFalse();
        assertThat(fresh.decide(unauthenticated, CLOCK)).isInstanceOf(PolicyDecision.StepUp.class);
    }

    private static JwtAuthenticationToken token(Consumer<Map<String, Object>> claims) {
        Jwt.Builder jwt = Jwt.withTokenValue("token").header("alg", "RS256")
                .subject("pairwise-1")
                .audience(List.of("demo-cli"))
                .claim("client_id", "demo-cli")
                .claim("scope", "openid parking.apply")
                .claim("acr", AssuranceLevel.SUBSTANTIAL.acr())
                .claim("auth_time", NOW.minusSeconds(60).getEpochSecond())
                .issuedAt(NOW).expiresAt(NOW.plusSeconds(300));
        jwt.claims(claims);
        return new JwtAuthenticationToken(jwt.build(), AuthorityUtils.NO_AUTHORITIES);
    }
}
