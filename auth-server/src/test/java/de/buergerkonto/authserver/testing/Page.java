package de.buergerkonto.authserver.testing;

import java.net.URI;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** A page as the browser got it: status, final address after redirects, parsed HTML. */
public record Page(int status, URI uri, String contentType, String body, Document document) {

    public String h1() {
        return document.select("h1").text();
    }

    /** The text of {@code <main>}, without the form's changing CSRF token. */
    public String mainText() {
        Element main = document.selectFirst("main");
        return main == null ? "" : main.text();
    }

    public String path() {
        return uri.getPath() + (uri.getQuery() == null ? "" : "?" + uri.getQuery());
    }
}
