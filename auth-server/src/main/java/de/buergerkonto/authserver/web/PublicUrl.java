package de.buergerkonto.authserver.web;

import java.net.URI;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.NotNull;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * The address under which citizens reach this server ({@code buergerkonto.public-url}), used
 * for links in mails. It is configured, never taken from the request's Host header, so a
 * forged header cannot point a password-reset link at another site.
 *
 * @param publicUrl absolute http(s) URL without query or fragment, e.g. {@code https://konto.hagen.de}
 */
@Validated
@ConfigurationProperties("buergerkonto")
public record PublicUrl(@NotNull URI publicUrl) {

    @AssertTrue(message = "buergerkonto.public-url must be an absolute http or https URL without query or fragment")
    public boolean isWellFormed() {
        return publicUrl == null || (publicUrl.isAbsolute()
                && ("https".equals(publicUrl.getScheme()) || "http".equals(publicUrl.getScheme()))
                && publicUrl.getHost() != null && publicUrl.getQuery() == null && publicUrl.getFragment() == null);
    }

    /** An absolute link to a page of this server. */
    public String link(String path) {
        return UriComponentsBuilder.fromUri(publicUrl).path(path).build().encode().toUriString();
    }

    /** An absolute link to a page of this server, with one query parameter. */
    public String link(String path, String parameter, String value) {
        return UriComponentsBuilder.fromUri(publicUrl)
                .path(path)
                .queryParam(parameter, value)
                .build()
                .encode()
                .toUriString();
    }
}
