package de.buergerkonto.localrun;

import java.util.List;

/**
 * One application the local run starts, on its own port, with its profiles and the
 * shared Redis.
 *
 * @param name        shown in the log and the banner
 * @param launch      in this JVM or as a child process from the module's executable jar
 * @param port        the HTTP port on 127.0.0.1
 * @param profiles    the Spring profiles, {@code local} and any the service needs besides
 * @param arguments   arguments of this service only (e.g. its {@code spring.config.name})
 * @param links       the pages worth opening, shown in the banner
 */
record LocalService(String name, Launch launch, int port, List<String> profiles, List<String> arguments,
        List<Link> links) {

    /** A page of the service: {@code path} is relative to {@code http://localhost:<port>}. */
    record Link(String label, String path) {
    }

    String url(String path) {
        return "http://localhost:" + port + path;
    }
}
