package de.buergerkonto.gateway.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.UrlResource;
import org.springframework.security.crypto.password.PasswordEncoder;

import de.buergerkonto.authserver.AuthServerApplication;
import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.account.AccountStatus;
import de.buergerkonto.authserver.secondfactor.totp.Totp;
import de.buergerkonto.authserver.secondfactor.totp.TotpFactors;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * The real auth-server (a servlet application) in this JVM on a random port, next to reactive
 * gateways. It reads its own {@code application.yml} (the gateway's, first on the classpath, would
 * hide it), never Spring Cloud Gateway's auto-configuration, and the clients the test declares.
 */
public final class InProcessAuthServer implements AutoCloseable {

    public static final String PASSWORD = "korrekt Pferd Batterie Heftklammer";

    private static final List<String> SPRING_CLOUD_GATEWAY = List.of("GatewayClassPathWarningAutoConfiguration",
            "GatewayAutoConfiguration", "GatewayResilience4JCircuitBreakerAutoConfiguration",
            "GatewayNoLoadBalancerClientAutoConfiguration", "GatewayFunctionAutoConfiguration",
            "GatewayMetricsAutoConfiguration", "GatewayRedisAutoConfiguration", "GatewayStreamAutoConfiguration",
            "SimpleUrlHandlerMappingGlobalCorsAutoConfiguration", "GatewayReactiveLoadBalancerClientAutoConfiguration",
            "LocalResponseCacheAutoConfiguration", "GatewayTracingAutoConfiguration").stream()
            .map(name -> "org.springframework.cloud.gateway.config." + name).toList();

    private final ConfigurableApplicationContext context;

    private InProcessAuthServer(ConfigurableApplicationContext context) {
        this.context = context;
    }

    /** Starts it with {@code clientProperties}: {@code --buergerkonto.clients.<id>.<property>=<value>} arguments. */
    public static InProcessAuthServer start(List<String> clientProperties) {
        List<String> arguments = new ArrayList<>(List.of(
                "--server.port=0",
                // nothing named like this exists: its own application.yml is added below instead
                "--spring.config.name=auth-server-in-gateway-tests",
                // Spring Cloud Gateway is on this classpath for the gateway; none of it in the auth-server
                "--spring.cloud.gateway.server.webflux.enabled=false",
                "--spring.autoconfigure.exclude=" + String.join(",", SPRING_CLOUD_GATEWAY),
                "--buergerkonto.pairwise-subject.secret=demo-only-pairwise-secret-for-gateway-tests-0123456789",
                // DEMO KEY, public in this repository (as in the auth-server's test configuration)
                "--buergerkonto.second-factor.encryption-key=wWbP+h+HGMtHyTFwiGeTDuK5DEnknwL3uH2RRwadc48=",
                "--buergerkonto.login-throttle.per-address.max-failures=10000",
                // no mail is sent in these tests; the mail sender only needs a host
                "--spring.mail.host=127.0.0.1", "--spring.mail.port=2525"));
        arguments.addAll(clientProperties);
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AuthServerApplication.class)
                .web(WebApplicationType.SERVLET)
                .initializers(started -> started.getEnvironment().getPropertySources().addLast(ownApplicationYml()))
                .run(arguments.toArray(String[]::new));
        return new InProcessAuthServer(context);
    }

    private static PropertySource<?> ownApplicationYml() {
        try {
            for (URL candidate : Collections.list(AuthServerApplication.class.getClassLoader().getResources("application.yml"))) {
                if (candidate.toString().contains("auth-server")) {
                    return new YamlPropertySourceLoader().load("auth-server application.yml", new UrlResource(candidate)).get(0);
                }
            }
        }
        catch (IOException ex) {
            throw new UncheckedIOException(ex);
        }
        throw new IllegalStateException("The auth-server's application.yml is not on the classpath");
    }

    public int port() {
        return ((WebServerApplicationContext) context).getWebServer().getPort();
    }

    /** Its issuer identifier: the host the gateway and the browser use for it. */
    public String issuer() {
        return "http://localhost:" + port();
    }

    /** A verified, active citizen whose identity is proven at {@code proofing}; password {@link #PASSWORD}. */
    public Account citizen(AssuranceLevel proofing) {
        String id = UUID.randomUUID().toString();
        Account account = new Account(id, "citizen-" + id + "@example.org",
                context.getBean(PasswordEncoder.class).encode(PASSWORD), true, proofing, AccountStatus.ACTIVE, Instant.now());
        if (!context.getBean(AccountRepository.class).create(account)) {
            throw new IllegalStateException("Account not created");
        }
        return account;
    }

    /** An authenticator app enrolled for {@code account}, as the enrolment page would store it. */
    public TotpApp enrolTotp(Account account) {
        byte[] secret = new byte[20];
        new SecureRandom().nextBytes(secret);
        context.getBean(TotpFactors.class).add(account.id(), "Authenticator-App", secret, Totp.step(Instant.now()) - 5);
        return new TotpApp(secret);
    }

    /** The citizen's authenticator app. */
    public record TotpApp(byte[] secret) {
        public String codeNow() {
            return Totp.authenticatorApp().code(secret, Totp.step(Instant.now()));
        }
    }

    @Override
    public void close() {
        context.close();
    }
}
