package de.buergerkonto.authserver.mail;

import jakarta.validation.constraints.NotBlank;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;

/**
 * Sender of the citizens' mails ({@code buergerkonto.mail}); the SMTP server itself is
 * Spring Boot's {@code spring.mail.*}.
 *
 * @param from the From address, e.g. {@code Bürgerkonto <no-reply@konto.hagen.de>}
 */
@Validated
@ConfigurationProperties("buergerkonto.mail")
public record CitizenMailProperties(@NotBlank String from) {
}
