package de.buergerkonto.eidadapter.request;

import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.eidadapter.citizen.CitizenProblem;
import de.buergerkonto.eidadapter.citizen.CitizenProblemException;
import de.buergerkonto.eidadapter.config.PublicUrls;
import de.buergerkonto.eidadapter.session.EidSession;
import de.buergerkonto.eidadapter.session.EidSessionStore;

/**
 * The tc-token URL the eID-Client calls (TR-03130 SAML profile): answers 302 to the eID-Server's
 * SSO URL with a fresh signed AuthnRequest and remembers its ID for the response's
 * {@code InResponseTo}. Each session's handle works once.
 */
@Controller
class TcTokenController {

    private final EidSessionStore sessions;
    private final AuthnRequestFactory requests;

    TcTokenController(EidSessionStore sessions, AuthnRequestFactory requests) {
        this.sessions = sessions;
        this.requests = requests;
    }

    @GetMapping(PublicUrls.TC_TOKEN_PATH)
    ResponseEntity<Void> tcToken(@RequestParam(name = "session", required = false) String handle) {
        if (handle == null || handle.isEmpty() || handle.length() > 100) {
            throw new CitizenProblemException(CitizenProblem.SESSION_INVALID);
        }
        // the ID is chosen before the handle is claimed, so that claiming it and recording the ID are one step
        String requestId = requests.newRequestId();
        EidSession session = sessions.startRequest(handle, requestId)
                .orElseThrow(() -> new CitizenProblemException(CitizenProblem.SESSION_INVALID));
        OutgoingAuthnRequest request = requests.create(requestId, session.relayState());
        return ResponseEntity.status(HttpStatus.FOUND).header(HttpHeaders.LOCATION, request.location()).build();
    }
}
