package de.buergerkonto.eidadapter.config;

import java.net.URI;

import org.springframework.web.util.UriComponentsBuilder;

/**
 * The adapter's own URLs as the outside world sees them, built from the configured public base
 * URL only. Never from the request's {@code Host} or {@code X-Forwarded-*} headers: the ACS URL
 * is compared with the {@code Destination} of every response, and a header-derived one is
 * wrong behind a proxy (a known eID-Login bug) or chosen by whoever sends the headers.
 */
public final class PublicUrls {

    public static final String START_PATH = "/eid/start";
    public static final String TC_TOKEN_PATH = "/eid/tc-token";
    public static final String ACS_PATH = "/eid/acs";
    public static final String METADATA_PATH = "/eid/metadata";
    public static final String HELP_PATH = "/eid/help";

    private final URI base;

    public PublicUrls(URI base) {
        this.base = base;
    }

    public String assertionConsumerUrl() {
        return link(ACS_PATH);
    }

    public String metadataUrl() {
        return link(METADATA_PATH);
    }

    /** The URL the eID-Client fetches the tc-token from, for one session. */
    public String tcTokenUrl(String tcTokenHandle) {
        return UriComponentsBuilder.fromUri(base).path(TC_TOKEN_PATH).queryParam("session", tcTokenHandle)
                .build().encode().toUriString();
    }

    public boolean isHttps() {
        return "https".equals(base.getScheme());
    }

    private String link(String path) {
        return UriComponentsBuilder.fromUri(base).path(path).build().toUriString();
    }
}
