package de.buergerkonto.localrun;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;

import de.buergerkonto.testsupport.TestRedis;

/**
 * The whole local system, started once per test JVM exactly as {@code ./run-local.sh} starts it
 * ({@link LocalRun} with its services on the standard ports: auth-server 9000, eID adapter 9100,
 * gateway 8080, demo services 8081–8083), against the test Redis ({@link TestRedis}, database
 * {@code TEST_REDIS_DATABASE}). The executable jars of the gateway and the demo services are built
 * by the reactor before this module's tests (local-run/pom.xml). Stopped when the JVM ends.
 */
final class LocalSystem {

    static final URI AUTH_SERVER = URI.create("http://localhost:9000");
    static final URI GATEWAY = URI.create("http://localhost:8080");

    private static LocalSystem running;

    private LocalSystem() {
    }

    /** Starts the system on first use; a failed start fails every test that needs it, naming the cause. */
    static synchronized LocalSystem start() {
        if (running == null) {
            LocalRun run = new LocalRun(LocalRun.services(), repositoryRoot());
            Runtime.getRuntime().addShutdownHook(new Thread(run::stop, "local-system-shutdown"));
            run.start(new LocalRedis.External(TestRedis.url()), new String[0]);
            running = new LocalSystem();
        }
        return running;
    }

    /** A service's own port, bypassing the gateway: what a developer (or an attacker on the network) could call. */
    static URI direct(int port) {
        return URI.create("http://127.0.0.1:" + port);
    }

    private static Path repositoryRoot() {
        Path directory = Path.of("").toAbsolutePath();
        while (directory != null && !Files.isRegularFile(directory.resolve("mvnw"))) {
            directory = directory.getParent();
        }
        if (directory == null) {
            throw new IllegalStateException("No repository root (a directory holding mvnw) above " + Path.of("").toAbsolutePath());
        }
        return directory;
    }
}
