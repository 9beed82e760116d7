package de.buergerkonto.eidadapter.simulator;

import java.util.Arrays;
import java.util.Optional;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Profile;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.eidadapter.citizen.CitizenProblem;
import de.buergerkonto.eidadapter.citizen.CitizenProblemException;

/**
 * The simulated eID-Server's pages: its SSO URL shows the card choice for a verified
 * AuthnRequest; the form answers with the response redirect to the service provider's ACS URL.
 * Stands in for the eID-Server and the card reader at once. Profile {@code eid-simulator} only.
 */
@Controller
@Profile(SimulatorConfig.PROFILE)
class SimulatorController {

    static final String SSO_PATH = "/eid-simulator/sso";
    static final String AUTHENTICATE_PATH = "/eid-simulator/authenticate";

    private static final Logger log = LoggerFactory.getLogger(SimulatorController.class);

    private final SimulatedEidServer server;
    private final PendingRequestStore pending;

    SimulatorController(SimulatedEidServer server, PendingRequestStore pending) {
        this.server = server;
        this.pending = pending;
    }

    @GetMapping(SSO_PATH)
    String sso(HttpServletRequest request, HttpServletResponse response, Model model) {
        PendingAuthnRequest authnRequest;
        try {
            authnRequest = server.receive(request.getQueryString());
        } catch (SimulatorException e) {
            log.info("Simulated eID-Server refused an AuthnRequest: {}", e.getMessage());
            throw new CitizenProblemException(CitizenProblem.BAD_REQUEST);
        }
        model.addAttribute("handle", pending.put(authnRequest));
        model.addAttribute("requested", authnRequest.requestedAttributes());
        model.addAttribute("cards", TestCard.values());
        return "simulator/card";
    }

    @PostMapping(AUTHENTICATE_PATH)
    ResponseEntity<Void> authenticate(@RequestParam String handle, @RequestParam String card,
            @RequestParam(required = false) String pin, @RequestParam String action) {
        PendingAuthnRequest request = pending.take(handle)
                .orElseThrow(() -> new CitizenProblemException(CitizenProblem.SESSION_INVALID));
        Optional<TestCard> chosen = Arrays.stream(TestCard.values()).filter(value -> value.name().equals(card)).findFirst();
        if (chosen.isEmpty()) {
            throw new CitizenProblemException(CitizenProblem.BAD_REQUEST);
        }
        SimulatedEidServer.Outcome outcome = "cancel".equals(action) ? SimulatedEidServer.Outcome.CANCELLED
                : SimulatedEidServer.PIN.equals(pin) ? SimulatedEidServer.Outcome.AUTHENTICATED
                : SimulatedEidServer.Outcome.WRONG_PIN;
        return ResponseEntity.status(HttpStatus.FOUND)
                .header(HttpHeaders.LOCATION, server.answer(request, chosen.get(), outcome))
                .build();
    }
}
