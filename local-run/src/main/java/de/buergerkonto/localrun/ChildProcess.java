package de.buergerkonto.localrun;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * An application of the local run in its own JVM, started from its executable jar with the same
 * {@code java} as the launcher, its output in a log file. Stopped with SIGTERM (Spring Boot shuts
 * down gracefully), forcibly after {@link #STOP_TIMEOUT}.
 */
final class ChildProcess implements AutoCloseable {

    static final Duration STOP_TIMEOUT = Duration.ofSeconds(15);

    /**
     * Small and quick to start: the local run puts six applications on a developer's machine, and
     * none of them needs the optimising compiler or a large heap for a demo.
     */
    static final List<String> JVM_OPTIONS = List.of("-Xmx256m", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC");

    private final String name;
    private final Process process;
    private final Path log;

    private ChildProcess(String name, Process process, Path log) {
        this.name = name;
        this.process = process;
        this.log = log;
    }

    /** Starts {@code java -jar <jar> <arguments>}, output to {@code log}. */
    static ChildProcess start(String name, Path jar, List<String> arguments, Path log) {
        List<String> command = new ArrayList<>();
        command.add(ProcessHandle.current().info().command().orElse("java"));
        command.addAll(JVM_OPTIONS);
        command.add("-jar");
        command.add(jar.toString());
        command.addAll(arguments);
        try {
            Files.createDirectories(log.getParent());
            Process process = new ProcessBuilder(command).redirectErrorStream(true)
                    .redirectOutput(log.toFile()).start();
            return new ChildProcess(name, process, log);
        } catch (IOException e) {
            throw new LocalRunException("Could not start " + name + " from " + jar, e);
        }
    }

    /** The single executable jar Maven built for {@code module} under {@code root}. */
    static Path executableJar(Path root, String module) {
        Path target = root.resolve(module).resolve("target");
        try (Stream<Path> files = Files.list(target)) {
            List<Path> jars = files.filter(file -> {
                String fileName = file.getFileName().toString();
                return fileName.startsWith(module + "-") && fileName.endsWith("-exec.jar");
            }).toList();
            if (jars.size() == 1) {
                return jars.get(0);
            }
        } catch (IOException notBuilt) {
            // reported below, with what to do
        }
        throw new LocalRunException("No single executable jar of " + module + " in " + target
                + "; build it first: ./mvnw -B -q -DskipTests package (./run-local.sh does this)");
    }

    /** Waits until the application accepts connections on {@code port} of 127.0.0.1; fails when it exits first. */
    void awaitPort(int port, Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new LocalRunException(name + " exited with code " + process.exitValue() + " while starting; see " + log);
            }
            try (Socket socket = new Socket()) {
                socket.connect(new InetSocketAddress(EmbeddedRedis.HOST, port), 200);
                return;
            } catch (IOException notYet) {
                sleep(Duration.ofMillis(250));
            }
        }
        throw new LocalRunException(name + " did not listen on port " + port + " within " + timeout.toSeconds()
                + " s; see " + log);
    }

    Path log() {
        return log;
    }

    @Override
    public void close() {
        process.destroy();
        try {
            if (!process.waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)) {
                process.destroyForcibly().waitFor(STOP_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS);
            }
        } catch (InterruptedException e) {
            process.destroyForcibly();
            Thread.currentThread().interrupt();
        }
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new LocalRunException("Interrupted while waiting for the services to start", e);
        }
    }
}
