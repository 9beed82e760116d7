package de.buergerkonto.localrun;

import java.nio.file.Path;
import java.util.ArrayDeque;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.authserver.AuthServerApplication;
import de.buergerkonto.eidadapter.EidAdapterApplication;

/**
 * The one command of the README: starts Redis (embedded unless {@code REDIS_URL} is set) and every
 * service with the {@code local} profile, which enables the demo data (the eID adapter also with
 * its simulated eID-Server), then prints where to go. The auth-server and the eID adapter run in
 * this JVM; the reactive gateway and the three demo services run as child JVMs from their
 * executable jars ({@link Launch.ExecutableJar} says why).
 * Ctrl+C stops the services, then Redis.
 */
public final class LocalRun {

    private static final Logger log = LoggerFactory.getLogger(LocalRun.class);

    static final String PROFILE = "local";
    static final String EID_SIMULATOR = "eid-simulator";
    static final Path EMBEDDED_REDIS_DATA = Path.of(".local-run", "redis");
    static final Path LOGS = Path.of(".local-run", "logs");

    /** How long a child JVM may take until it listens: six applications share a laptop's cores. */
    static final Duration START_TIMEOUT = Duration.ofMinutes(3);

    private final List<LocalService> services;
    private final Path root;
    private final Deque<Runnable> started = new ArrayDeque<>();

    /**
     * @param root the repository root: the executable jars are under {@code <root>/<module>/target},
     *        child processes' logs under {@code <root>/.local-run/logs}
     */
    LocalRun(List<LocalService> services, Path root) {
        this.services = services;
        this.root = root;
    }

    /** Every service of the system, in the banner's order; a new module is one more line here. */
    static List<LocalService> services() {
        return List.of(
                new LocalService("auth-server", new Launch.InThisJvm(AuthServerApplication.class), 9000, List.of(PROFILE),
                        List.of(),
                        List.of(new LocalService.Link("Login (password or ID card)", "/"),
                                new LocalService.Link("Discovery", "/.well-known/openid-configuration"),
                                new LocalService.Link("Dev mailbox", "/dev/mailbox"))),
                // the eID adapter with its simulated eID-Server and test cards (PIN 123456); the
                // auth-server's login page leads to it ("Mit Online-Ausweis anmelden")
                new LocalService("eid-adapter", new Launch.InThisJvm(EidAdapterApplication.class), 9100,
                        List.of(PROFILE, EID_SIMULATOR),
                        List.of("--spring.config.name=" + EidAdapterApplication.CONFIG_NAME),
                        List.of(new LocalService.Link("SP metadata", "/eid/metadata"))),
                // the demo services' routes are in gateway/src/main/resources/application-local.yml
                new LocalService("gateway", new Launch.ExecutableJar("gateway"), 8080, List.of(PROFILE), List.of(),
                        List.of(new LocalService.Link("Stadt-App news", "/stadt-news/"),
                                new LocalService.Link("Parking permit", "/bewohnerparken/"),
                                new LocalService.Link("E-Payment", "/e-payment/"))),
                demoService("stadt-news", 8081),
                demoService("bewohnerparken", 8082),
                demoService("e-payment", 8083));
    }

    /** One demo service: the demo-services jar with the service's profile; direct calls are for developers and refused. */
    private static LocalService demoService(String name, int port) {
        return new LocalService(name, new Launch.ExecutableJar("demo-services"), port, List.of(name), List.of(),
                List.of(new LocalService.Link("direct (dev)", "/" + name + "/api/me")));
    }

    public static void main(String[] args) {
        LocalRun run = new LocalRun(services(), Path.of("").toAbsolutePath());
        Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-run-shutdown"));
        try {
            run.start(LocalRedisSelector.standard().select(System.getenv("REDIS_URL"), EMBEDDED_REDIS_DATA), args);
        } catch (LocalRunException e) {
            log.error("Local run failed: {}", e.getMessage(), e.getCause());
            System.exit(1);
        } catch (RuntimeException e) {
            // Spring Boot has already reported why the application failed to start
            log.error("Local run failed; see the error above");
            System.exit(1);
        }
    }

    void start(LocalRedis redis, String[] args) {
        // a busy port would let a stranger answer in place of one of ours
        for (LocalService service : services) {
            if (!LocalRedisSelector.canBind(service.port())) {
                throw new LocalRunException("Port " + service.port() + " on " + EmbeddedRedis.HOST + " (" + service.name()
                        + ") is in use; stop what listens there, e.g. an earlier local run");
            }
        }
        if (redis instanceof LocalRedis.Embedded embedded) {
            log.info("Starting the embedded Redis: {}", redis.description());
            started.push(EmbeddedRedis.start(embedded)::close);
        }
        // child JVMs first, so that they boot while this JVM starts its own applications
        Map<LocalService, ChildProcess> children = new LinkedHashMap<>();
        for (LocalService service : services) {
            if (service.launch() instanceof Launch.ExecutableJar jar) {
                Path logFile = root.resolve(LOGS).resolve(service.name() + ".log");
                log.info("Starting {} on port {} (log: {})", service.name(), service.port(), logFile);
                ChildProcess child = ChildProcess.start(service.name(), ChildProcess.executableJar(root, jar.module()),
                        List.of(arguments(service, redis, args)), logFile);
                started.push(child::close);
                children.put(service, child);
            }
        }
        for (LocalService service : services) {
            if (service.launch() instanceof Launch.InThisJvm inThisJvm) {
                log.info("Starting {} on port {}", service.name(), service.port());
                ConfigurableApplicationContext context = new SpringApplicationBuilder(inThisJvm.application())
                        // named in the application's own startup log instead of this launcher
                        .main(inThisJvm.application())
                        .profiles(service.profiles().toArray(String[]::new))
                        // one shutdown hook (this class's) stops the services before the Redis they use
                        .registerShutdownHook(false)
                        .run(arguments(service, redis, args));
                started.push(context::close);
            }
        }
        children.forEach((service, child) -> child.awaitPort(service.port(), START_TIMEOUT));
        log.info("{}", banner(redis));
    }

    /**
     * Passed as command-line arguments because those outrank each application's own
     * {@code application.yml}, which default properties would not.
     */
    static String[] arguments(LocalService service, LocalRedis redis, String[] extra) {
        List<String> arguments = new ArrayList<>(List.of(
                "--spring.data.redis.url=" + redis.url(),
                "--server.port=" + service.port(),
                // demo accounts and secrets must not be reachable from the network
                "--server.address=" + EmbeddedRedis.HOST));
        if (service.launch() instanceof Launch.ExecutableJar) {
            // SpringApplicationBuilder sets them for applications in this JVM
            arguments.add("--spring.profiles.active=" + String.join(",", service.profiles()));
        }
        arguments.addAll(service.arguments());
        arguments.addAll(List.of(extra));
        return arguments.toArray(String[]::new);
    }

    /** Stops what was started, newest first, so that no service outlives the Redis it uses. */
    synchronized void stop() {
        while (!started.isEmpty()) {
            Runnable next = started.pop();
            try {
                next.run();
            } catch (RuntimeException e) {
                // shutting down: one part failing to stop must not keep the others running
                log.warn("Could not stop a part of the local run cleanly: {}", e.getMessage());
            }
        }
    }

    String banner(LocalRedis redis) {
        StringBuilder text = new StringBuilder("\n\nBürgerkonto is running locally.\n\n");
        for (LocalService service : services) {
            text.append("  ").append(service.name()).append('\n');
            for (LocalService.Link link : service.links()) {
                text.append(String.format("    %-16s %s%n", link.label() + ":", service.url(link.path())));
            }
        }
        // published demo data of the local profile (README), not secrets
        text.append("""

                  Demo data (see README.md):
                    citizen        erika@example.org / Mustermann-2026
                    citizen        max@example.org / Mustermann-2026, identity proven, TOTP secret JBSWY3DPEHPK3PXP
                    demo-service   confidential client, secret demo-service-secret, client credentials, scope api
                    demo-cli       public client, authorization code + PKCE, redirect http://127.0.0.1:8765/callback
                    ID card        simulated eID-Server, test cards Erika Mustermann and others, PIN 123456

                """);
        text.append("  Redis: ").append(redis.description()).append('\n');
        text.append("  Logs of the gateway and the demo services: ").append(root.resolve(LOGS)).append('\n');
        text.append("  Stop with Ctrl+C.\n");
        return text.toString();
    }
}
