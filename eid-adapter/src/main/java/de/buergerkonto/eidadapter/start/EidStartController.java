package de.buergerkonto.eidadapter.start;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.eidadapter.citizen.CitizenProblem;
import de.buergerkonto.eidadapter.citizen.CitizenProblemException;
import de.buergerkonto.eidadapter.config.PublicUrls;
import de.buergerkonto.eidhandover.Purpose;
import de.buergerkonto.eidadapter.session.EidSession;
import de.buergerkonto.eidadapter.session.EidSessionStore;
import de.buergerkonto.eidadapter.session.SessionCookie;

/**
 * Where the auth-server sends the citizen: checks the request, starts an eID session bound to
 * this browser, and shows the page that opens the eID-Client, with a visible fallback link and
 * help. {@code /eid/help} is the "eID-Client not found" page of the same session.
 */
@Controller
class EidStartController {

    /** Printable ASCII, as OAuth's {@code state} (RFC 6749 A.5), bounded. */
    private static final Pattern STATE = Pattern.compile("[\\x21-\\x7E]{1,512}");

    private final ReturnUrlAllowlist allowlist;
    private final EidSessionStore sessions;
    private final SessionCookie cookie;
    private final PublicUrls urls;
    private final List<EidClientOption> options;

    EidStartController(ReturnUrlAllowlist allowlist, EidSessionStore sessions, SessionCookie cookie, PublicUrls urls,
            List<EidClientOption> options) {
        this.allowlist = allowlist;
        this.sessions = sessions;
        this.cookie = cookie;
        this.urls = urls;
        this.options = options;
    }

    @GetMapping(PublicUrls.START_PATH)
    String start(
            // return (REQUIRED): a registered auth-server callback, exact match
            @RequestParam(name = "return", required = false) String returnUrl,
            // purpose (REQUIRED): login | proof
            @RequestParam(required = false) String purpose,
            // state (REQUIRED): the auth-server's opaque value, handed back in the token
            @RequestParam(required = false) String state,
            HttpServletResponse response, Model model) {
        if (!allowlist.allows(returnUrl)) {
            throw new CitizenProblemException(CitizenProblem.RETURN_NOT_ALLOWED);
        }
        Optional<Purpose> knownPurpose = Purpose.of(purpose);
        if (knownPurpose.isEmpty() || state == null || !STATE.matcher(state).matches()) {
            throw new CitizenProblemException(CitizenProblem.BAD_REQUEST);
        }
        EidSessionStore.StartedSession started = sessions.start(returnUrl, knownPurpose.get(), state);
        cookie.write(response, started.sessionId());
        return page(started.session(), model, "start");
    }

    @GetMapping(PublicUrls.HELP_PATH)
    String help(HttpServletRequest request, Model model) {
        EidSession session = SessionCookie.read(request).flatMap(sessions::find)
                .orElseThrow(() -> new CitizenProblemException(CitizenProblem.SESSION_INVALID));
        return page(session, model, "help");
    }

    private String page(EidSession session, Model model, String view) {
        EidClientLinks links = EidClientLinks.of(urls.tcTokenUrl(session.tcTokenHandle()));
        model.addAttribute("links", links);
        model.addAttribute("purpose", session.purpose().value());
        model.addAttribute("englishLink", UriComponentsBuilder.fromPath(PublicUrls.START_PATH)
                .queryParam("return", "{return}").queryParam("purpose", "{purpose}").queryParam("state", "{state}")
                .queryParam("lang", "en").encode()
                .buildAndExpand(session.returnUrl(), session.purpose().value(), session.state()).toUriString());
        model.addAttribute("options", options.stream()
                .map(option -> new OptionLink(option.labelKey(), option.href(links.tcTokenUrl()))).toList());
        return view;
    }

    /** A further link for the page. */
    record OptionLink(String labelKey, String href) {
    }
}
