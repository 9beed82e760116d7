package de.buergerkonto.gateway.hygiene;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class HeaderRulesTest {

    @ParameterizedTest(name = "{0} forgeable: {1}")
    @CsvSource({"X-Buergerkonto-Level, true", "x-buergerkonto-subject, true", "X-User-Id, true", "X-Userinfo, true",
            "X-Forwarded-User, true", "X-Forwarded-Email, true", "X-Auth-Request-User, true", "X-Remote-User, true",
            "Remote-User, true", "X-Authenticated-Userid, true", "X-Amzn-Oidc-Identity, true",
            "X-Ms-Client-Principal-Name, true", "X-Goog-Authenticated-User-Email, true", "X-Ssl-Client-Dn, true",
            "Authorization, false", "Accept, false", "Content-Type, false", "X-Request-Id, false"})
    void isForgeableWhenHeaderNameThenIdentityClaimsOnly(String name, boolean forgeable) {
        assertThat(IdentityHeadersFilter.isForgeable(name)).isEqualTo(forgeable);
    }

    @ParameterizedTest(name = "\"{0}\" kept: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            3f2c1a9e-6b7d-4c1e-9a2b-0d4e5f6a7b8c                               | true
            0123456789abcdef                                                   | true
            0123456789abcde                                                    | false
            0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef   | true
            0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef0  | false
            3f2c1a9e-6b7d-4c1e-9a2b-0d4e5f6a7b8c\\r\\nX-Evil: 1                 | false
            """)
    void acceptedOrNewWhenClientIdThenKeptOnlyIfWellFormed(String sent, boolean kept) {
        String accepted = RequestIdWebFilter.acceptedOrNew(List.of(sent.replace("\\r\\n", "\r\n")));

        assertThat(accepted.equals(sent)).isEqualTo(kept);
    }
}
