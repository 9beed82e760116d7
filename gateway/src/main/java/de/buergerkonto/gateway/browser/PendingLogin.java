package de.buergerkonto.gateway.browser;

import java.io.Serializable;

/**
 * What the next authorization request to the auth-server asks for, kept in the session between the
 * route that needs a login and {@code /oauth2/authorization/...}: the route's level (and every higher
 * one) as {@code acr_values}, and its {@code max_age} when it has one.
 *
 * @param acrValues space-separated, as {@code StepUpChallenge.acrValues()} lists them
 * @param maxAgeSeconds {@code null} when the route has no freshness requirement
 */
record PendingLogin(String acrValues, Long maxAgeSeconds) implements Serializable {

    static final String SESSION_ATTRIBUTE = PendingLogin.class.getName();
}
