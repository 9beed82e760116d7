package de.buergerkonto.demoservices.stadtnews;

/** The topics a citizen can follow; the message key is {@code news.topic.<key>}. */
enum NewsTopic {
    TRAFFIC("traffic"),
    CULTURE("culture"),
    ENVIRONMENT("environment"),
    COUNCIL("council");

    private final String key;

    NewsTopic(String key) {
        this.key = key;
    }

    public String key() {
        return key;
    }
}
