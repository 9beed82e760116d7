package de.buergerkonto.eidadapter.acs;

import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.eidadapter.citizen.CitizenProblem;
import de.buergerkonto.eidadapter.citizen.CitizenProblemException;
import de.buergerkonto.eidadapter.config.PublicUrls;
import de.buergerkonto.eidadapter.handover.CardIdentities;
import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.response.EidResponseException;
import de.buergerkonto.eidadapter.response.EidResponseValidator;
import de.buergerkonto.eidadapter.response.ExpectedResponse;
import de.buergerkonto.eidadapter.session.ConsumedSession;
import de.buergerkonto.eidadapter.session.EidSession;
import de.buergerkonto.eidadapter.session.EidSessionStore;
import de.buergerkonto.eidadapter.session.SessionCookie;
import de.buergerkonto.eidhandover.EidHandoverTokenWriter;
import de.buergerkonto.eidhandover.HandoverKeyUnavailableException;

/**
 * The assertion consumer: where the browser arrives after the eID-Client, with the eID-Server's
 * response (HTTP-Redirect, as eID-Servers send it, or HTTP-POST) or with the eID-Client's own
 * error ({@code ResultMajor=error&ResultMinor=...}, BSI TR-03124-1).
 *
 * <p>It only matches, converts and hands off: takes this browser's session out of the store
 * (once; a second arrival finds nothing), runs the response pipeline with the session's request
 * ID and RelayState, and delivers the handover token to the session's auth-server callback with
 * an auto-submitting form (POST, so the token never appears in a URL, a log or a referrer).
 */
@Controller
class AssertionConsumerController {

    private static final Logger log = LoggerFactory.getLogger(AssertionConsumerController.class);

    static final String RESULT_MAJOR = "ResultMajor";
    static final String RESULT_MINOR = "ResultMinor";
    static final String HANDOVER_FIELD = "handover_token";

    private final EidSessionStore sessions;
    private final SessionCookie cookie;
    private final EidResponseValidator validator;
    private final EidHandoverTokenWriter handover;

    AssertionConsumerController(EidSessionStore sessions, SessionCookie cookie, EidResponseValidator validator,
            EidHandoverTokenWriter handover) {
        this.sessions = sessions;
        this.cookie = cookie;
        this.validator = validator;
        this.handover = handover;
    }

    /** HTTP-Redirect binding: the raw query as received, because its signature covers the raw octets. */
    @GetMapping(PublicUrls.ACS_PATH)
    String redirectBinding(HttpServletRequest request, HttpServletResponse response, Model model)
            throws HandoverKeyUnavailableException {
        if (request.getParameter(RESULT_MAJOR) != null) {
            return clientResult(request, response);
        }
        ConsumedSession consumed = consume(request, response);
        EidSession session = consumed.session();
        EidIdentity identity;
        try {
            identity = validator.validate(request.getQueryString(), expected(consumed));
        } catch (EidResponseException e) {
            throw new CitizenProblemException(CitizenProblem.of(e), session);
        }
        return deliver(identity, session, model);
    }

    /** HTTP-POST binding; the pipeline then requires the Response's XML signature. */
    @PostMapping(PublicUrls.ACS_PATH)
    String postBinding(
            // SAMLResponse (REQUIRED): base64, not deflated
            @RequestParam(name = "SAMLResponse", required = false) String samlResponse,
            // RelayState (OPTIONAL in SAML; we always send one, so it must come back)
            @RequestParam(name = "RelayState", required = false) String relayState,
            HttpServletRequest request, HttpServletResponse response, Model model)
            throws HandoverKeyUnavailableException {
        ConsumedSession consumed = consume(request, response);
        EidIdentity identity;
        try {
            identity = validator.validatePost(samlResponse, Optional.ofNullable(relayState), expected(consumed));
        } catch (EidResponseException e) {
            throw new CitizenProblemException(CitizenProblem.of(e), consumed.session());
        }
        return deliver(identity, consumed.session(), model);
    }

    /** The eID-Client's error return: the session is over; the page says what happened. */
    private String clientResult(HttpServletRequest request, HttpServletResponse response) {
        String minor = request.getParameter(RESULT_MINOR);
        CitizenProblem problem = CitizenProblem.ofClientResult(minor);
        log.info("eID-Client reported {}", problem);
        Optional<EidSession> session = SessionCookie.read(request).flatMap(sessions::consume)
                .map(ConsumedSession::session);
        cookie.clear(response);
        throw new CitizenProblemException(problem, session.orElse(null));
    }

    private ConsumedSession consume(HttpServletRequest request, HttpServletResponse response) {
        Optional<ConsumedSession> consumed = SessionCookie.read(request).flatMap(sessions::consume);
        cookie.clear(response);
        ConsumedSession session = consumed.orElseThrow(() -> new CitizenProblemException(CitizenProblem.SESSION_INVALID));
        if (session.requestId().isEmpty()) {
            // the eID-Client never fetched the tc-token: whatever arrived here does not answer us
            throw new CitizenProblemException(CitizenProblem.SESSION_INVALID, session.session());
        }
        return session;
    }

    private static ExpectedResponse expected(ConsumedSession consumed) {
        return new ExpectedResponse(consumed.requestId().orElseThrow(), Optional.of(consumed.session().relayState()));
    }

    private String deliver(EidIdentity identity, EidSession session, Model model) throws HandoverKeyUnavailableException {
        String token = handover.write(CardIdentities.of(identity), session.purpose(), session.state());
        log.info("eID {} completed at level {}", session.purpose().value(), identity.levelOfAssurance());
        model.addAttribute("action", session.returnUrl());
        model.addAttribute("field", HANDOVER_FIELD);
        model.addAttribute("token", token);
        return "handover";
    }
}
