package de.buergerkonto.eidadapter.start;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;

/**
 * The links that start the local eID-Client (BSI TR-03124-1, 2.2: the eID-Client listens on
 * 127.0.0.1:24727): {@code http://} on desktops, {@code eid://} for the AusweisApp on phones.
 *
 * @param tcTokenUrl the session's tc-token URL
 * @param desktop {@code http://127.0.0.1:24727/eID-Client?tcTokenURL=...}
 * @param mobile {@code eid://127.0.0.1:24727/eID-Client?tcTokenURL=...}
 */
public record EidClientLinks(String tcTokenUrl, String desktop, String mobile) {

    static final String DESKTOP_BASE = "http://127.0.0.1:24727/eID-Client?tcTokenURL=";
    static final String MOBILE_BASE = "eid://127.0.0.1:24727/eID-Client?tcTokenURL=";

    public static EidClientLinks of(String tcTokenUrl) {
        String encoded = URLEncoder.encode(tcTokenUrl, StandardCharsets.UTF_8);
        return new EidClientLinks(tcTokenUrl, DESKTOP_BASE + encoded, MOBILE_BASE + encoded);
    }
}
