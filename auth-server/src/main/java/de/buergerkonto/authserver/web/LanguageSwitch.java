package de.buergerkonto.authserver.web;

/**
 * The link in the page header to the other language.
 *
 * @param language the language the link switches to, as a {@code hreflang}/{@code lang} code
 * @param label    the name of that language in that language ("English", "Deutsch")
 * @param href     a query-only reference, so it stays on the page the browser shows
 */
public record LanguageSwitch(String language, String label, String href) {
}
