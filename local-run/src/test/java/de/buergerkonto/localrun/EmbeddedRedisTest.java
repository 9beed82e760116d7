package de.buergerkonto.localrun;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.lettuce.core.RedisClient;
import io.lettuce.core.api.StatefulRedisConnection;

class EmbeddedRedisTest {

    @TempDir
    Path data;

    @Test
    void startWhenRestartedWithTheSameDirectoryThenDataIsStillThere() throws IOException {
        LocalRedis.Embedded target = new LocalRedis.Embedded(freePort(), data);

        try (EmbeddedRedis first = EmbeddedRedis.start(target)) {
            execute(target, connection -> connection.sync().set("account:demo", "kept"));
        }
        try (EmbeddedRedis second = EmbeddedRedis.start(target)) {
            execute(target, connection -> assertThat(connection.sync().get("account:demo")).isEqualTo("kept"));
        }
        assertThat(data.toFile().list()).anyMatch(name -> name.startsWith("appendonly"));
    }

    private static void execute(LocalRedis target, java.util.function.Consumer<StatefulRedisConnection<String, String>> action) {
        RedisClient client = RedisClient.create(target.url());
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            action.accept(connection);
        } finally {
            client.shutdown();
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
