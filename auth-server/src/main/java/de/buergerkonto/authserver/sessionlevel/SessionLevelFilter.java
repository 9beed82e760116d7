package de.buergerkonto.authserver.sessionlevel;

import java.io.IOException;
import java.util.Optional;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;

import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.core.context.SecurityContextHolderStrategy;
import org.springframework.security.web.context.DelegatingSecurityContextRepository;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.context.RequestAttributeSecurityContextRepository;
import org.springframework.security.web.context.SecurityContextRepository;
import org.springframework.web.filter.OncePerRequestFilter;

import de.buergerkonto.authserver.login.CitizenAuthentication;

/**
 * Every request of a logged-in citizen's browser (authorization requests and the citizen's own
 * pages) is a use of her session: {@link SessionLevels} records it, and the security context
 * gets the login at the session's current level before anything reads it, so step-up decisions
 * and tokens see the level the session holds now, not the one stored at login. With no level
 * left the context is emptied: the citizen logs in again.
 *
 * <p>Placed right after the security context is loaded, in both the authorization server's and
 * the citizen pages' filter chains. Not a bean, so the servlet container does not run it a second
 * time outside the chains.
 */
public final class SessionLevelFilter extends OncePerRequestFilter {

    private final SessionLevels sessionLevels;
    private final SecurityContextHolderStrategy contexts = SecurityContextHolder.getContextHolderStrategy();
    private final SecurityContextRepository contextRepository = new DelegatingSecurityContextRepository(
            new RequestAttributeSecurityContextRepository(), new HttpSessionSecurityContextRepository());

    public SessionLevelFilter(SessionLevels sessionLevels) {
        this.sessionLevels = sessionLevels;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        HttpSession session = request.getSession(false);
        if (session != null && contexts.getContext().getAuthentication() instanceof CitizenAuthentication login) {
            Optional<CitizenAuthentication> current = sessionLevels.use(session, login);
            if (current.isEmpty() || !current.get().equals(login)) {
                SecurityContext context = contexts.createEmptyContext();
                current.ifPresent(context::setAuthentication);
                contexts.setContext(context);
                contextRepository.saveContext(context, request, response);
            }
        }
        chain.doFilter(request, response);
    }
}
