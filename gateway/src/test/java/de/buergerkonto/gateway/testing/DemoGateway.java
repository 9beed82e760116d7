package de.buergerkonto.gateway.testing;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.List;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

import de.buergerkonto.gateway.GatewayApplication;

/** A gateway (reactive, explicitly: Spring MVC is on the test classpath) with the demo routes of the contract. */
public final class DemoGateway {

    /** The gateway client's secret at the in-process auth-server. */
    public static final String CLIENT_SECRET = "demo-only-gateway-secret-for-tests";

    private DemoGateway() {
    }

    /** A gateway with the three demo routes of the contract, its upstream {@code upstream}. */
    public static ConfigurableApplicationContext start(int port, String issuer, String upstream, String keyPrefix,
            String... more) {
        List<String> arguments = new java.util.ArrayList<>(List.of("--server.port=" + port,
                "--buergerkonto.gateway.issuer=" + issuer,
                "--buergerkonto.gateway.browser.client-secret=" + CLIENT_SECRET,
                "--buergerkonto.gateway.assertion.issuer=http://localhost:" + port,
                "--buergerkonto.gateway.admin.key-prefix=" + keyPrefix,
                "--buergerkonto.gateway.routes[0].id=stadt-news",
                "--buergerkonto.gateway.routes[0].path=/stadt-news",
                "--buergerkonto.gateway.routes[0].uri=" + upstream,
                "--buergerkonto.gateway.routes[0].level=basic",
                "--buergerkonto.gateway.routes[0].audiences=demo-cli,gateway",
                "--buergerkonto.gateway.routes[1].id=bewohnerparken",
                "--buergerkonto.gateway.routes[1].path=/bewohnerparken",
                "--buergerkonto.gateway.routes[1].uri=" + upstream,
                "--buergerkonto.gateway.routes[1].level=substantial",
                "--buergerkonto.gateway.routes[1].audiences=demo-cli,gateway",
                "--buergerkonto.gateway.routes[1].attributes=given_name,family_name,address",
                "--buergerkonto.gateway.routes[2].id=e-payment",
                "--buergerkonto.gateway.routes[2].path=/e-payment",
                "--buergerkonto.gateway.routes[2].uri=" + upstream,
                "--buergerkonto.gateway.routes[2].level=high",
                "--buergerkonto.gateway.routes[2].audiences=demo-cli,gateway",
                "--buergerkonto.gateway.routes[2].attributes=given_name,family_name"));
        arguments.addAll(List.of(more));
        return new SpringApplicationBuilder(GatewayApplication.class).web(WebApplicationType.REACTIVE)
                .run(arguments.toArray(String[]::new));
    }

    public static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }
}
