package de.buergerkonto.authserver.security;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.Profile;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;
import org.springframework.stereotype.Component;

import de.buergerkonto.authserver.client.ClientDeclarations;
import de.buergerkonto.authserver.client.DeclaredClient;
import de.buergerkonto.authserver.eid.EidDemoKeys;
import de.buergerkonto.authserver.eid.EidProperties;

/**
 * Refuses to start the production profile with anything made for demos and tests: the local
 * profile, secrets marked "demo" (every demo secret in this repository is), the demo keys of
 * this repository (a key is base64 of random bytes and cannot carry the word, so they are listed
 * here), the eID handover demo keys (by path or public key), or client secrets too short to be random. The startup failure lists every problem at once.
 */
@Component
@Profile("production")
class DemoMaterialGuard implements InitializingBean {

    static final String PAIRWISE_SECRET = "buergerkonto.pairwise-subject.secret";
    static final String SECOND_FACTOR_KEY = "buergerkonto.second-factor.encryption-key";
    /** The second-factor encryption keys committed for the local run and for tests. */
    static final Set<String> DEMO_SECOND_FACTOR_KEYS = Set.of(
            "pl29ZQrq2b6fRF8C+U8zJ39OicrUboj06hweiC1KSQI=",
            "wWbP+h+HGMtHyTFwiGeTDuK5DEnknwL3uH2RRwadc48=");
    private static final int MIN_CLIENT_SECRET_LENGTH = 32;
    static final String EID_PSEUDONYM_KEY = "buergerkonto.eid.pseudonym-key";
    /** The card-pseudonym HMAC keys committed for the local run and for tests. */
    static final Set<String> DEMO_EID_PSEUDONYM_KEYS = Set.of(
            "JapySRJ+JRkGiPjUOtQU3Y2CHrnRHQSIlIzSqxaEmyA=",
            "UP/wVxV4b3MKYnNC/kf0GRpvctrz0H7A1L7YqdsVo2g=");

    private final Environment environment;
    private final ClientDeclarations clients;
    private final EidDemoKeys eidDemoKeys;

    DemoMaterialGuard(Environment environment, ClientDeclarations clients, EidProperties eid) {
        this.environment = environment;
        this.clients = clients;
        this.eidDemoKeys = new EidDemoKeys(eid);
    }

    @Override
    public void afterPropertiesSet() {
        List<String> problems = new ArrayList<>();
        if (environment.acceptsProfiles(Profiles.of("local"))) {
            problems.add("the profile 'local' (demo data, dev mailbox) is active");
        }
        if (isDemo(environment.getProperty(PAIRWISE_SECRET))) {
            problems.add(PAIRWISE_SECRET + " is a demo value");
        }
        String secondFactorKey = environment.getProperty(SECOND_FACTOR_KEY);
        if (secondFactorKey != null && DEMO_SECOND_FACTOR_KEYS.contains(secondFactorKey.trim())) {
            problems.add(SECOND_FACTOR_KEY + " is a demo key published in the repository");
        }
        String pseudonymKey = environment.getProperty(EID_PSEUDONYM_KEY);
        if (pseudonymKey != null && DEMO_EID_PSEUDONYM_KEYS.contains(pseudonymKey.trim())) {
            problems.add(EID_PSEUDONYM_KEY + " is a demo key published in the repository");
        }
        problems.addAll(eidDemoKeys.problems());
        for (Map.Entry<String, DeclaredClient> client : clients.clients().entrySet()) {
            String secret = client.getValue().secret();
            if (client.getValue().isPublic()) {
                continue;
            }
            String property = "buergerkonto.clients." + client.getKey() + ".secret";
            if (isDemo(secret)) {
                problems.add(property + " is a demo value");
            } else if (secret.length() < MIN_CLIENT_SECRET_LENGTH) {
                problems.add(property + " is shorter than " + MIN_CLIENT_SECRET_LENGTH + " characters");
            }
        }
        if (!problems.isEmpty()) {
            throw new IllegalStateException("Refusing to start the production profile: " + String.join("; ", problems));
        }
    }

    private static boolean isDemo(String value) {
        return value != null && value.toLowerCase(Locale.ROOT).contains("demo");
    }
}
