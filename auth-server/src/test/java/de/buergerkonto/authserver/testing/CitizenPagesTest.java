package de.buergerkonto.authserver.testing;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ContextConfiguration;

/**
 * An end-to-end test of the citizen pages: the whole server on a random port of 127.0.0.1,
 * real Redis, mail to GreenMail ({@link TestSmtp}), a {@link MutableClock}. All classes with
 * this annotation share one application context.
 *
 * <p>Every test talks from 127.0.0.1, so the per-address login limit is raised here; the
 * per-address limit is tested on its own in {@code LoginThrottleTest}.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@Documented
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
        "server.address=127.0.0.1",
        "buergerkonto.login-throttle.per-address.max-failures=10000"})
@Import(MutableClockConfig.class)
@ContextConfiguration(initializers = TestSmtp.Initializer.class)
public @interface CitizenPagesTest {
}
