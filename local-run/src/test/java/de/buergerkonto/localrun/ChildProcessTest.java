package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChildProcessTest {

    @TempDir
    Path directory;

    @Test
    void awaitPortWhenTheProcessExitsWhileStartingThenFailsNamingItsLog() throws IOException {
        Path notAJar = Files.writeString(directory.resolve("broken-exec.jar"), "not a jar");
        Path log = directory.resolve("logs/broken.log");

        try (ChildProcess child = ChildProcess.start("broken", notAJar, List.of(), log)) {
            assertThatThrownBy(() -> child.awaitPort(freePort(), Duration.ofSeconds(30)))
                    .isInstanceOf(LocalRunException.class)
                    .hasMessageContaining("broken exited with code")
                    .hasMessageContaining(log.toString());
        }
        assertThat(log).isRegularFile();
    }

    @Test
    void executableJarWhenBuiltThenTheModulesExecJar() throws IOException {
        Path target = Files.createDirectories(directory.resolve("gateway/target"));
        Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT.jar"));
        Path exec = Files.createFile(target.resolve("gateway-0.1.0-SNAPSHOT-exec.jar"));

        assertThat(ChildProcess.executableJar(directory, "gateway")).isEqualTo(exec);
    }

    @Test
    void startWhenAServicePortIsTakenThenFailsBeforeStartingAnything() throws IOException {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            LocalService service = new LocalService("gateway", new Launch.ExecutableJar("gateway"), taken.getLocalPort(),
                    List.of("local"), List.of(), List.of());
            LocalRun run = new LocalRun(List.of(service), directory);

            assertThatThrownBy(() -> run.start(new LocalRedis.External("redis://127.0.0.1:1"), new String[0]))
                    .isInstanceOf(LocalRunException.class)
                    .hasMessageContaining("Port " + taken.getLocalPort())
                    .hasMessageContaining("(gateway) is in use");
        }
        assertThat(directory.resolve(".local-run")).doesNotExist();
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
