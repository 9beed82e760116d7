package de.buergerkonto.authserver.authorization;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.server.ServletServerHttpResponse;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2AuthenticationException;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2ErrorCodes;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.http.converter.OAuth2ErrorHttpMessageConverter;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.security.web.DefaultRedirectStrategy;
import org.springframework.security.web.RedirectStrategy;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.web.authentication.AuthenticationFailureHandler;
import org.springframework.security.web.context.HttpSessionSecurityContextRepository;
import org.springframework.security.web.savedrequest.HttpSessionRequestCache;
import org.springframework.security.web.savedrequest.RequestCache;
import org.springframework.stereotype.Component;
import org.springframework.util.StringUtils;
import org.springframework.web.util.UriComponentsBuilder;
import org.springframework.web.util.UriUtils;

import de.buergerkonto.authserver.stepup.CardStepUpRequiredException;
import de.buergerkonto.authserver.stepup.LevelOutOfReach;
import de.buergerkonto.authserver.stepup.LevelOutOfReachException;
import de.buergerkonto.authserver.stepup.Reauthentication;
import de.buergerkonto.authserver.stepup.ReauthenticationRequiredException;
import de.buergerkonto.authserver.stepup.StepUpRequiredException;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * Errors of the authorization endpoint (RFC 6749, section 4.1.2.1). With a verified redirect
 * URI the error goes back to the service, as the spec requires. Without one (unknown client,
 * unregistered redirect URI) nothing may be redirected: a browser gets the page
 * {@code oauth-error} with status 400 explaining what happened, through
 * {@link AuthorizationErrorViewResolver}; any other caller gets the OAuth error as JSON.
 */
@Component
public final class AuthorizationEndpointErrorHandler implements AuthenticationFailureHandler {

    /** The request attribute that carries the error to the error page. */
    static final String ERROR_ATTRIBUTE = AuthorizationEndpointErrorHandler.class.getName() + ".error";

    private static final String SECOND_FACTOR_PAGE = "/login/second-factor";
    private static final String CARD_STEP_UP = "/login/eid/step-up";
    private static final String LOGIN_PAGE = "/login";

    private final RedirectStrategy redirects = new DefaultRedirectStrategy();
    // the cache the citizen pages read after a login or a second factor (Spring Security's default)
    private final RequestCache requestCache = new HttpSessionRequestCache();
    private final Clock clock;

    public AuthorizationEndpointErrorHandler(Clock clock) {
        this.clock = clock;
    }
    private final OAuth2ErrorHttpMessageConverter json = new OAuth2ErrorHttpMessageConverter();

    @Override
    public void onAuthenticationFailure(HttpServletRequest request, HttpServletResponse response,
            AuthenticationException exception) throws IOException {
        if (exception instanceof ReauthenticationRequiredException) {
            // the old login ends; the session stays, holding this request for the new one
            Reauthentication.demand(request, clock.instant());
            request.getSession().removeAttribute(HttpSessionSecurityContextRepository.SPRING_SECURITY_CONTEXT_KEY);
            SecurityContextHolder.clearContext();
            requestCache.saveRequest(request, response);
            redirects.sendRedirect(request, response, LOGIN_PAGE);
            return;
        }
        if (exception instanceof CardStepUpRequiredException) {
            // the card's callback returns to this very authorization request once the linked card was presented
            requestCache.saveRequest(request, response);
            redirects.sendRedirect(request, response, CARD_STEP_UP);
            return;
        }
        if (exception instanceof LevelOutOfReachException outOfReach
                && outOfReach.getAuthorizationCodeRequestAuthentication() != null) {
            if (outOfReach.gap().needed() == AssuranceLevel.HIGH) {
                // the page offers the identity proof with the ID card; its callback continues this request
                requestCache.saveRequest(request, response);
            }
            // the citizen learns what to set up; the page's way back takes the error to the client
            LevelOutOfReach.remember(request, outOfReach.gap(),
                    errorRedirect(outOfReach.getAuthorizationCodeRequestAuthentication(), outOfReach.getError()));
            redirects.sendRedirect(request, response, LevelOutOfReach.PAGE);
            return;
        }
        if (exception instanceof StepUpRequiredException) {
            // the second-factor page returns to this very authorization request once the factor is given
            requestCache.saveRequest(request, response);
            redirects.sendRedirect(request, response, SECOND_FACTOR_PAGE);
            return;
        }
        OAuth2Error error = exception instanceof OAuth2AuthenticationException oauth
                ? oauth.getError()
                : new OAuth2Error(OAuth2ErrorCodes.INVALID_REQUEST);
        OAuth2AuthorizationCodeRequestAuthenticationToken authorizationRequest = exception instanceof OAuth2AuthorizationCodeRequestAuthenticationException codeRequest
                ? codeRequest.getAuthorizationCodeRequestAuthentication()
                : null;
        if (authorizationRequest != null && StringUtils.hasText(authorizationRequest.getRedirectUri())) {
            redirects.sendRedirect(request, response, errorRedirect(authorizationRequest, error));
            return;
        }
        if (acceptsHtml(request)) {
            request.setAttribute(ERROR_ATTRIBUTE, AuthorizationError.of(error,
                    authorizationRequest != null ? authorizationRequest.getClientId() : null));
            response.sendError(HttpStatus.BAD_REQUEST.value());
            return;
        }
        ServletServerHttpResponse body = new ServletServerHttpResponse(response);
        body.setStatusCode(HttpStatus.BAD_REQUEST);
        json.write(error, MediaType.APPLICATION_JSON, body);
    }

    private static String errorRedirect(OAuth2AuthorizationCodeRequestAuthenticationToken request, OAuth2Error error) {
        UriComponentsBuilder uri = UriComponentsBuilder.fromUriString(request.getRedirectUri())
                .queryParam(OAuth2ParameterNames.ERROR, error.getErrorCode());
        if (StringUtils.hasText(error.getDescription())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_DESCRIPTION, encode(error.getDescription()));
        }
        if (StringUtils.hasText(error.getUri())) {
            uri.queryParam(OAuth2ParameterNames.ERROR_URI, encode(error.getUri()));
        }
        if (StringUtils.hasText(request.getState())) {
            uri.queryParam(OAuth2ParameterNames.STATE, encode(request.getState()));
        }
        return uri.build(true).toUriString();
    }

    private static String encode(String value) {
        return UriUtils.encode(value, StandardCharsets.UTF_8);
    }

    private static boolean acceptsHtml(HttpServletRequest request) {
        String accept = request.getHeader("Accept");
        if (!StringUtils.hasText(accept)) {
            return true;
        }
        List<MediaType> accepted = MediaType.parseMediaTypes(accept);
        return accepted.stream().anyMatch(type -> type.isCompatibleWith(MediaType.TEXT_HTML) && !type.isWildcardType());
    }

    /**
     * What the error page needs: which problem, for which client id (as the request named it).
     *
     * @param problem {@code unknown-client}, {@code redirect-uri} or {@code invalid-request}
     */
    record AuthorizationError(String problem, String errorCode, String clientId) {

        static AuthorizationError of(OAuth2Error error, String clientId) {
            String description = error.getDescription() == null ? "" : error.getDescription();
            String problem;
            if (description.endsWith(OAuth2ParameterNames.REDIRECT_URI)) {
                problem = "redirect-uri";
            } else if (description.endsWith(OAuth2ParameterNames.CLIENT_ID)) {
                problem = "unknown-client";
            } else {
                problem = "invalid-request";
            }
            return new AuthorizationError(problem, error.getErrorCode(), clientId);
        }
    }
}
