package de.buergerkonto.localrun;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.util.function.IntPredicate;

/**
 * Decides which Redis a local run uses: {@code REDIS_URL} when set, else an embedded Redis on a
 * fixed port whose data survives restarts.
 *
 * <p>The embedded port is fixed rather than free-picked so that the data directory always belongs
 * to the same server. It is not 6379, where a system Redis may already hold other data. A busy
 * port is an error, never a silent fallback to whatever listens there.
 */
final class LocalRedisSelector {

    static final int EMBEDDED_PORT = 6390;

    private final int embeddedPort;
    private final IntPredicate portFree;

    LocalRedisSelector(int embeddedPort, IntPredicate portFree) {
        this.embeddedPort = embeddedPort;
        this.portFree = portFree;
    }

    /** The selector for a real run: port {@value #EMBEDDED_PORT}, checked by binding it on 127.0.0.1. */
    static LocalRedisSelector standard() {
        return new LocalRedisSelector(EMBEDDED_PORT, LocalRedisSelector::canBind);
    }

    /**
     * @param redisUrl      the value of {@code REDIS_URL}, possibly null or blank
     * @param dataDirectory where an embedded Redis keeps its append-only file
     * @throws LocalRunException when an embedded Redis is needed and its port is taken
     */
    LocalRedis select(String redisUrl, Path dataDirectory) {
        if (redisUrl != null && !redisUrl.isBlank()) {
            return new LocalRedis.External(redisUrl.trim());
        }
        if (!portFree.test(embeddedPort)) {
            throw new LocalRunException("Port " + embeddedPort + " on " + EmbeddedRedis.HOST
                    + " is in use, so the embedded Redis cannot start. It may be a Redis left over from an "
                    + "earlier local run: stop that process, or use it (or any other Redis) with "
                    + "REDIS_URL=redis://" + EmbeddedRedis.HOST + ":" + embeddedPort + " ./run-local.sh");
        }
        return new LocalRedis.Embedded(embeddedPort, dataDirectory.toAbsolutePath().normalize());
    }

    static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(EmbeddedRedis.HOST))) {
            return true;
        } catch (IOException taken) {
            return false;
        }
    }
}
