package de.buergerkonto.authserver.testing;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.util.Map;

import com.icegreen.greenmail.configuration.GreenMailConfiguration;
import com.icegreen.greenmail.junit5.GreenMailExtension;
import com.icegreen.greenmail.util.ServerSetup;

import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;

/**
 * GreenMail as the real SMTP server of the citizen page tests, on one free port of 127.0.0.1
 * chosen per JVM: every test class registers its own extension on that port, and the one cached
 * application context sends there ({@link Initializer}).
 */
public final class TestSmtp {

    private static final String HOST = "127.0.0.1";
    private static final int PORT = freePort();

    private TestSmtp() {
    }

    /** A GreenMail server for one test class, accepting mail to any address. */
    public static GreenMailExtension extension() {
        return new GreenMailExtension(new ServerSetup(PORT, HOST, ServerSetup.PROTOCOL_SMTP))
                .withConfiguration(GreenMailConfiguration.aConfig().withDisabledAuthentication())
                .withPerMethodLifecycle(false);
    }

    private static int freePort() {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName(HOST))) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException("No free port for the test SMTP server", e);
        }
    }

    /** Points {@code spring.mail.*} at the test SMTP server. */
    public static final class Initializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

        @Override
        public void initialize(ConfigurableApplicationContext context) {
            context.getEnvironment().getPropertySources().addFirst(new MapPropertySource("testSmtp",
                    Map.of("spring.mail.host", HOST, "spring.mail.port", PORT)));
        }
    }
}
