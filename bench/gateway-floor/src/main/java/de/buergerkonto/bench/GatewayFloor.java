package de.buergerkonto.bench;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;

/**
 * Spring Cloud Gateway as it comes, with the route given on the command line
 * ({@code --spring.cloud.gateway.server.webflux.routes[0]...}); bench/gateway.sh measures it next
 * to the real gateway.
 */
@SpringBootApplication
public class GatewayFloor {

    public static void main(String[] args) {
        SpringApplication.run(GatewayFloor.class, args);
    }
}
