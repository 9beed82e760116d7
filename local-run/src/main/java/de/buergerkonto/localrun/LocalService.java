package de.buergerkonto.localrun;

import java.util.List;
import java.util.function.Supplier;

import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * One application the local run starts in this JVM, on its own port, with the {@code local}
 * profile and the shared Redis.
 *
 * @param name        shown in the log and the banner
 * @param application a fresh builder for the application, without profile, port or Redis: the local run adds those
 * @param port        the HTTP port on 127.0.0.1
 * @param links       the pages worth opening, shown in the banner
 */
record LocalService(String name, Supplier<SpringApplicationBuilder> application, int port, List<Link> links) {

    /** A page of the service: {@code path} is relative to {@code http://localhost:<port>}. */
    record Link(String label, String path) {
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
