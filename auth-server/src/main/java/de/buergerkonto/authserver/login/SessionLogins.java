package de.buergerkonto.authserver.login;

import java.io.IOException;

import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.authentication.SavedRequestAwareAuthenticationSuccessHandler;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.stereotype.Component;

/**
 * Puts a login that was completed outside Spring Security's form login (a passkey, a step-up)
 * into the session, as the form login does: a new session id (against session fixation), the
 * security context saved, and the browser sent on to the request that waited for the login
 * (an authorization request), else to the account page.
 */
@Component
public class SessionLogins {

    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    // the repositories the citizen chain uses by default: the session, and this request's attribute
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());
    private final SavedRequestAwareAuthenticationSuccessHandler onwards =
            new SavedRequestAwareAuthenticationSuccessHandler();

    public void logIn(CitizenAuthentication login, HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        request.getSession();
        request.changeSessionId();
        SecurityContext context = contexts.createEmptyContext();
        context.setAuthentication(login);
        contexts.setContext(context);
        contextRepository.saveContext(context, request, response);
        onwards.onAuthenticationSuccess(request, response, login);
    }
}
