package de.buergerkonto.localrun;

import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;

/** The Redis a local run uses: the one {@code REDIS_URL} names, or an embedded one this JVM starts. */
sealed interface LocalRedis permits LocalRedis.External, LocalRedis.Embedded {

    /** The URL handed to every service as {@code spring.data.redis.url}. */
    String url();

    /** Where the data lives, for the banner; never shows credentials a URL may carry. */
    String description();

    record External(String url) implements LocalRedis {

        @Override
        public String description() {
            try {
                URI parsed = new URI(url);
                if (parsed.getHost() != null) {
                    return parsed.getScheme() + "://" + parsed.getHost() + ":" + parsed.getPort() + " (REDIS_URL)";
                }
            } catch (URISyntaxException unparsable) {
                // Lettuce accepts forms java.net.URI does not (e.g. sentinel lists); the banner need not show them
            }
            return "the Redis named by REDIS_URL";
        }
    }

    record Embedded(int port, Path dataDirectory) implements LocalRedis {

        @Override
        public String url() {
            return "redis://" + EmbeddedRedis.HOST + ":" + port;
        }

        @Override
        public String description() {
            return "embedded on " + EmbeddedRedis.HOST + ":" + port + ", data in " + dataDirectory;
        }
    }
}
