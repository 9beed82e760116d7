package de.buergerkonto.localrun;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import redis.embedded.RedisServer;

/**
 * A Redis child process for the local run, bound to 127.0.0.1, persisting with an append-only
 * file so that accounts registered in one run are still there in the next.
 */
final class EmbeddedRedis implements AutoCloseable {

    static final String HOST = "127.0.0.1";

    private final RedisServer server;

    private EmbeddedRedis(RedisServer server) {
        this.server = server;
    }

    static EmbeddedRedis start(LocalRedis.Embedded target) {
        try {
            Files.createDirectories(target.dataDirectory());
            RedisServer server = RedisServer.newRedisServer()
                    .port(target.port())
                    .bind(HOST)
                    .setting("appendonly yes")
                    // the append-only file is the one persistence; no RDB snapshots besides it
                    .setting("save \"\"")
                    .setting("dir \"" + target.dataDirectory() + "\"")
                    .build();
            server.start();
            return new EmbeddedRedis(server);
        } catch (IOException e) {
            throw new LocalRunException("Could not start the embedded Redis on " + HOST + ":" + target.port()
                    + " with data in " + target.dataDirectory(), e);
        }
    }

    @Override
    public void close() {
        try {
            server.stop();
        } catch (IOException e) {
            throw new LocalRunException("Could not stop the embedded Redis", e);
        }
    }
}
