package de.buergerkonto.eidadapter.citizen;

import java.util.Optional;

import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.ui.Model;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.util.UriComponentsBuilder;

import de.buergerkonto.eidadapter.config.PublicUrls;
import de.buergerkonto.eidhandover.HandoverKeyUnavailableException;
import de.buergerkonto.eidadapter.session.EidSession;
import de.buergerkonto.eidadapter.session.SessionStoreUnavailableException;

/** Turns every way the flow can stop into the citizen page {@code problem.html}, with the right status. */
@ControllerAdvice
class CitizenPageAdvice {

    private static final Logger log = LoggerFactory.getLogger(CitizenPageAdvice.class);

    @ExceptionHandler(CitizenProblemException.class)
    String problem(CitizenProblemException e, Model model, HttpServletResponse response) {
        return page(e.problem(), e.session(), model, response);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    String missingParameter(Model model, HttpServletResponse response) {
        return page(CitizenProblem.BAD_REQUEST, Optional.empty(), model, response);
    }

    @ExceptionHandler(SessionStoreUnavailableException.class)
    String storeUnavailable(SessionStoreUnavailableException e, Model model, HttpServletResponse response) {
        log.warn("eID session store unavailable: {}", e.getCause() == null ? "-" : e.getCause().getClass().getSimpleName());
        return page(CitizenProblem.TEMPORARILY_UNAVAILABLE, Optional.empty(), model, response);
    }

    @ExceptionHandler(HandoverKeyUnavailableException.class)
    String handoverKeyUnavailable(HandoverKeyUnavailableException e, Model model, HttpServletResponse response) {
        log.warn("Handover not possible: {}", e.getMessage());
        return page(CitizenProblem.TEMPORARILY_UNAVAILABLE, Optional.empty(), model, response);
    }

    static String page(CitizenProblem problem, Optional<EidSession> session, Model model, HttpServletResponse response) {
        response.setStatus(problem.status().value());
        model.addAttribute("problem", problem.key());
        if (problem.retryable()) {
            session.map(CitizenPageAdvice::retryLink).ifPresent(link -> model.addAttribute("retryLink", link));
        }
        return "problem";
    }

    /** {@code /eid/start} with the auth-server's original parameters: a new session for the same request. */
    static String retryLink(EidSession session) {
        // as variables, so that encode() escapes every reserved character of the values
        return UriComponentsBuilder.fromPath(PublicUrls.START_PATH)
                .queryParam("return", "{return}")
                .queryParam("purpose", "{purpose}")
                .queryParam("state", "{state}")
                .encode()
                .buildAndExpand(session.returnUrl(), session.purpose().value(), session.state())
                .toUriString();
    }
}
