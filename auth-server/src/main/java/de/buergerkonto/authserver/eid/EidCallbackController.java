package de.buergerkonto.authserver.eid;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.eidhandover.CardIdentity;
import de.buergerkonto.eidhandover.EidHandover;
import de.buergerkonto.eidhandover.EidHandoverTokenReader;
import de.buergerkonto.eidhandover.HandoverTokenException;

/**
 * {@code POST /login/eid/callback}: the eID adapter's handover page posts the token here
 * (field {@value #TOKEN_FIELD}). In order: the token ({@link EidHandoverTokenReader}: decrypted,
 * signed by the adapter, for us, in its minute, first use), then its {@code state} against this
 * session's pending ones (one-time), then the intent the state was issued for.
 *
 * <p>No CSRF token: the POST comes from the adapter's page, another origin, which cannot know
 * ours. The one-time {@code state} takes its place (see {@link EidStates}): a token posted into
 * a session that did not start this card flow is refused. On success the session's login is
 * replaced by the card login and the session id changes, as after the password, and the browser
 * continues the request that was waiting (an authorization request), else the account page.
 */
@Controller
@ConditionalOnProperty(EidProperties.ENABLED_BY)
class EidCallbackController {

    static final String PATH = "/login/eid/callback";
    static final String TOKEN_FIELD = "handover_token";
    private static final Logger log = LoggerFactory.getLogger(EidCallbackController.class);

    private final EidHandoverTokenReader reader;
    private final EidStates states;
    private final CardLogin cardLogin;
    private final CardLinking cardLinking;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // the repositories the citizen chain uses by default: the session, and this request's attribute
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler onwards =
            new SavedRequestAwareAuthenticationSuccessHandler();

    EidCallbackController(EidHandoverTokenReader reader, EidStates states, CardLogin cardLogin, CardLinking cardLinking) {
        this.reader = reader;
        this.states = states;
        this.cardLogin = cardLogin;
        this.cardLinking = cardLinking;
    }

    @PostMapping(PATH)
    String callback(@RequestParam(name = TOKEN_FIELD, defaultValue = "") String token, Authentication authentication,
            HttpServletRequest request, HttpServletResponse response, Model model) throws IOException, ServletException {
        EidHandover handover;
        try {
            handover = reader.read(token);
        } catch (HandoverTokenException e) {
            log.info("eID handover refused: {}", e.reason());
            boolean unavailable = e.reason() == HandoverTokenException.Reason.JTI_STORE_UNAVAILABLE;
            return failed(unavailable ? "unavailable" : "invalid-answer",
                    unavailable ? HttpStatus.SERVICE_UNAVAILABLE : HttpStatus.BAD_REQUEST, response, model);
        }
        Optional<EidIntent> intent = states.consume(request.getSession(false), handover.state());
        if (intent.isEmpty() || intent.get().purpose() != handover.purpose()) {
            log.info("eID handover refused: state not pending in this session");
            return failed("invalid-state", HttpStatus.BAD_REQUEST, response, model);
        }
        CitizenAuthentication current = authentication instanceof CitizenAuthentication login ? login : null;
        if (intent.get() != EidIntent.LOGIN && current == null) {
            return failed("invalid-state", HttpStatus.BAD_REQUEST, response, model);
        }
        CardIdentity card = handover.card();
        CardOutcome outcome = switch (intent.get()) {
            case LOGIN -> cardLogin.logIn(card);
            case STEP_UP -> cardLogin.stepUp(current, card);
            case PROOF -> cardLinking.prove(current, card);
            case RELINK -> cardLinking.relink(current, card);
        };
        if (outcome instanceof CardOutcome.Refused refused) {
            return failed(refused.reason().code(), HttpStatus.CONFLICT, response, model);
        }
        logIn(((CardOutcome.LoggedIn) outcome).login(), request, response);
        return null;
    }

    private void logIn(CitizenAuthentication login, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.changeSessionId();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(login);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        onwards.onAuthenticationSuccess(request, response, login);
    }

    private static String failed(String refusal, HttpStatus status, HttpServletResponse response, Model model) {
        response.setStatus(status.value());
        model.addAttribute("refusal", refusal);
        return "eid/refused";
    }
}
