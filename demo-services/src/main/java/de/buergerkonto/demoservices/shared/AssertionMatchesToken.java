package de.buergerkonto.demoservices.shared;

import java.util.function.Supplier;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.security.web.access.intercept.RequestAuthorizationContext;

/**
 * Grants only when the gateway assertion was made for the access token the request carries (same
 * {@code sub}): an assertion taken from one citizen's request cannot vouch for another's token.
 */
final class AssertionMatchesToken implements AuthorizationManager<Object> {

    @Override
    public AuthorizationResult authorize(Supplier<? extends Authentication> authentication,
            Object request) {
        // Object, like the trust-level managers it is combined with; requests come as RequestAuthorizationContext
        if (!(request instanceof RequestAuthorizationContext context)
                || !(context.getRequest().getAttribute(GatewayAssertion.ATTRIBUTE) instanceof GatewayAssertion verified)
                || !(authentication.get() instanceof JwtAuthenticationToken token)) {
            return new AuthorizationDecision(false);
        }
        return new AuthorizationDecision(verified.subject().equals(token.getToken().getSubject()));
    }
}
