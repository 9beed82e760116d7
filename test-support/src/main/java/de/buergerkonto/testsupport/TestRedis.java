package de.buergerkonto.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;

import io.lettuce.core.RedisClient;
import io.lettuce.core.RedisURI;
import io.lettuce.core.api.StatefulRedisConnection;
import redis.embedded.RedisServer;

/**
 * The real Redis the tests of this JVM talk to: the one {@code REDIS_URL} names, else one
 * listening on 127.0.0.1:6379, else an embedded server started once on a free port.
 *
 * <p>Tests use the database {@code TEST_REDIS_DATABASE} (default 1, so a developer's data in
 * database 0 is never touched), emptied once when this JVM first asks for it.
 */
public final class TestRedis {

    private static final String DEFAULT_HOST = "127.0.0.1";
    private static final int DEFAULT_PORT = 6379;

    private static RedisURI uri;

    private TestRedis() {
    }

    /** The Redis URI, with the test database selected; the database is flushed on first use. */
    public static synchronized RedisURI uri() {
        if (uri == null) {
            uri = locate();
            uri.setDatabase(database());
            flush(uri);
        }
        return uri;
    }

    /** The same as {@link #uri()}, as a {@code redis://} URL for {@code spring.data.redis.url}. */
    public static String url() {
        RedisURI located = uri();
        return "redis://" + located.getHost() + ":" + located.getPort() + "/" + located.getDatabase();
    }

    private static RedisURI locate() {
        String configured = System.getenv("REDIS_URL");
        if (configured != null && !configured.isBlank()) {
            return RedisURI.create(configured);
        }
        if (isListening(DEFAULT_HOST, DEFAULT_PORT)) {
            return RedisURI.create(DEFAULT_HOST, DEFAULT_PORT);
        }
        return startEmbedded();
    }

    private static int database() {
        String configured = System.getenv("TEST_REDIS_DATABASE");
        return configured == null || configured.isBlank() ? 1 : Integer.parseInt(configured.trim());
    }

    private static boolean isListening(String host, int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress(host, port), 300);
            return true;
        } catch (IOException notThere) {
            return false;
        }
    }

    private static RedisURI startEmbedded() {
        try {
            int port = freePort();
            RedisServer server = RedisServer.newRedisServer()
                    .port(port)
                    .bind(DEFAULT_HOST)
                    .setting("save \"\"")
                    .setting("appendonly no")
                    .build();
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(() -> {
                try {
                    server.stop();
                } catch (IOException ignored) {
                    // the JVM is ending; the child process ends with it
                }
            }));
            return RedisURI.create(DEFAULT_HOST, port);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start the embedded Redis", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, java.net.InetAddress.getByName(DEFAULT_HOST))) {
            return socket.getLocalPort();
        }
    }

    private static void flush(RedisURI target) {
        RedisClient client = RedisClient.create(target);
        try (StatefulRedisConnection<String, String> connection = client.connect()) {
            connection.sync().flushdb();
        } finally {
            client.shutdown();
        }
    }
}
