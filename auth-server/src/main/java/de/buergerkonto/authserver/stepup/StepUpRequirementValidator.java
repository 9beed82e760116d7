package de.buergerkonto.authserver.stepup;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import jakarta.servlet.http.HttpSession;

import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationContext;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationException;
import org.springframework.security.oauth2.server.authorization.authentication.OAuth2AuthorizationCodeRequestAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import de.buergerkonto.authserver.account.Account;
import de.buergerkonto.authserver.account.AccountRepository;
import de.buergerkonto.authserver.client.ClientDefaultAcrValues;
import de.buergerkonto.authserver.client.ClientMinimumLevel;
import de.buergerkonto.authserver.eid.CardReach;
import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.authserver.secondfactor.SecondFactorRepository;
import de.buergerkonto.authserver.secondfactor.SecondFactorType;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;
import de.buergerkonto.trustlevel.Authenticator;
import de.buergerkonto.trustlevel.LevelRequirement;
import de.buergerkonto.trustlevel.LevelRequirementException;
import de.buergerkonto.trustlevel.LoginAssurance;

/**
 * Compares what an authorization request asks for ({@code max_age}, {@code acr_values}, an
 * essential {@code acr} in {@code claims}; OpenID Connect Core 1.0, sections 3.1.2.1 and 5.5.1.1)
 * with the citizen's current login, and runs after the redirect URI was validated, so every error
 * below may go back to the client.
 * <ul>
 * <li>a login older than {@code max_age}: the citizen logs in again
 * ({@link ReauthenticationRequiredException}), or {@code login_required} under {@code prompt=none};</li>
 * <li>met, or nobody logged in yet (the login comes first): the request goes on;</li>
 * <li>a second factor of the account reaches the level: the citizen is asked for it
 * ({@link StepUpRequiredException}), or {@code interaction_required} under {@code prompt=none};</li>
 * <li>a passkey-only login that fell back below the level: the citizen logs in again, with the
 * passkey or otherwise ({@code login_required} under {@code prompt=none});</li>
 * <li>else the ID card linked to the account reaches it: the citizen is asked for the card
 * ({@link CardStepUpRequiredException}), or {@code interaction_required} under {@code prompt=none};</li>
 * <li>out of reach and essential: {@code unmet_authentication_requirements};</li>
 * <li>out of reach and voluntary: the request goes on, the token tells the level reached.</li>
 * </ul>
 * A client's configured minimum level counts as an essential {@code acr}; its default
 * {@code acr_values} count as {@code acr_values} when the request names no level. The level in
 * the token is always the login's, never the requested one. The login judged is the one at the
 * session's current level: {@code sessionlevel.SessionLevelFilter} has put it in place before.
 */
@Component
public final class StepUpRequirementValidator implements Consumer<OAuth2AuthorizationCodeRequestAuthenticationContext> {

    static final String UNMET_AUTHENTICATION_REQUIREMENTS = "unmet_authentication_requirements";
    private static final String INTERACTION_REQUIRED = "interaction_required";
    private static final String LOGIN_REQUIRED = "login_required";

    private final AccountRepository accounts;
    private final SecondFactorRepository secondFactors;
    private final CardReach cardReach;
    private final Clock clock;

    public StepUpRequirementValidator(AccountRepository accounts, SecondFactorRepository secondFactors,
            CardReach cardReach, Clock clock) {
        this.accounts = accounts;
        this.secondFactors = secondFactors;
        this.cardReach = cardReach;
        this.clock = clock;
    }

    @Override
    public void accept(OAuth2AuthorizationCodeRequestAuthenticationContext context) {
        OAuth2AuthorizationCodeRequestAuthenticationToken request = context.getAuthentication();
        if (!(request.getPrincipal() instanceof CitizenAuthentication login)) {
            return;
        }
        Map<String, Object> parameters = request.getAdditionalParameters();
        LevelRequirement requirement = requirement(request, parameters,
                ClientDefaultAcrValues.of(context.getRegisteredClient()).orElse(null));
        requirement.maxAge().ifPresent(maxAge -> requireFreshLogin(request, login, maxAge, promptNone(parameters)));
        // the client's minimum is never voluntary: it must be met like an essential acr
        ClientMinimumLevel.of(context.getRegisteredClient())
                .ifPresent(minimum -> demand(request, login, minimum, true, parameters));
        requirement.minimum().ifPresent(needed -> demand(request, login, needed, requirement.essential(), parameters));
    }

    private void demand(OAuth2AuthorizationCodeRequestAuthenticationToken request, CitizenAuthentication login,
            AssuranceLevel needed, boolean essential, Map<String, Object> parameters) {
        if (login.level().isAtLeast(needed)) {
            return;
        }
        if (secondFactorReaches(login, needed)) {
            if (promptNone(parameters)) {
                throw error(request, INTERACTION_REQUIRED, "A second factor is needed, and prompt=none forbids asking");
            }
            throw new StepUpRequiredException(request);
        }
        if (passkeyLoginReaches(login, needed)) {
            // a passkey-only session whose level expired: the passkey is a login, not a step after one
            if (promptNone(parameters)) {
                throw error(request, LOGIN_REQUIRED, "A new login is needed, and prompt=none forbids asking");
            }
            throw new ReauthenticationRequiredException(request);
        }
        if (cardReaches(login, needed)) {
            if (promptNone(parameters)) {
                throw error(request, INTERACTION_REQUIRED, "The ID card is needed, and prompt=none forbids asking");
            }
            throw new CardStepUpRequiredException(request);
        }
        if (!essential) {
            return;
        }
        if (promptNone(parameters)) {
            throw error(request, UNMET_AUTHENTICATION_REQUIREMENTS,
                    "This account cannot reach the requested level of assurance");
        }
        throw new LevelOutOfReachException(request, gap(login, needed));
    }

    /** max_age (OPTIONAL): an older login must be repeated (OIDC Core 3.1.2.1), or login_required under prompt=none. */
    private void requireFreshLogin(OAuth2AuthorizationCodeRequestAuthenticationToken request, CitizenAuthentication login,
            Duration maxAge, boolean promptNone) {
        boolean tooOld = Duration.between(login.authTime(), clock.instant()).compareTo(maxAge) > 0;
        if (!tooOld || Reauthentication.satisfiedBy(currentSession(), login.authTime())) {
            return;
        }
        if (promptNone) {
            throw error(request, LOGIN_REQUIRED, "The login is older than max_age, and prompt=none forbids a new one");
        }
        throw new ReauthenticationRequiredException(request);
    }

    private static HttpSession currentSession() {
        return RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes servlet
                ? servlet.getRequest().getSession(false)
                : null;
    }

    private static LevelRequirement requirement(OAuth2AuthorizationCodeRequestAuthenticationToken request,
            Map<String, Object> parameters, String defaultAcrValues) {
        try {
            // acr_values (OPTIONAL), claims (OPTIONAL), max_age (OPTIONAL)
            String acrValues = text(parameters, "acr_values");
            LevelRequirement requested = LevelRequirement.parse(acrValues, text(parameters, "claims"),
                    text(parameters, "max_age"));
            // the client's default_acr_values stand in for acr_values only when the request names no level
            if (acrValues != null || requested.minimum().isPresent() || defaultAcrValues == null) {
                return requested;
            }
            return LevelRequirement.parse(defaultAcrValues, text(parameters, "claims"), text(parameters, "max_age"));
        } catch (LevelRequirementException e) {
            throw error(request, e.error().code(), e.getMessage());
        }
    }

    /**
     * Whether the password plus one of the account's second factors (TOTP, passkey) would reach
     * the level. A login that already has that level never gets here.
     */
    private boolean secondFactorReaches(CitizenAuthentication login, AssuranceLevel needed) {
        if (!login.methods().contains(AuthenticationMethod.PASSWORD)) {
            return false;
        }
        List<Authenticator> enrolled = secondFactors.findAll(login.accountId()).stream()
                .map(factor -> factor.type().authenticator())
                .distinct()
                .toList();
        return accounts.findById(login.accountId())
                .map(Account::identityProofing)
                .filter(proofing -> enrolled.stream().anyMatch(factor ->
                        LoginAssurance.of(proofing, Authenticator.PASSWORD, factor).level().isAtLeast(needed)))
                .isPresent();
    }

    /** Whether the ID card linked to the account would reach the level (never merged: it must be the linked card). */
    private boolean cardReaches(CitizenAuthentication login, AssuranceLevel needed) {
        return accounts.findById(login.accountId())
                .filter(account -> cardReach.reaches(login, account, needed))
                .isPresent();
    }

    /**
     * Whether a login without the password (a passkey alone, whose level has expired in the
     * session) can be repeated with one of the account's passkeys to reach the level.
     */
    private boolean passkeyLoginReaches(CitizenAuthentication login, AssuranceLevel needed) {
        if (login.methods().contains(AuthenticationMethod.PASSWORD)
                || secondFactors.findAll(login.accountId()).stream().noneMatch(f -> f.type() == SecondFactorType.PASSKEY)) {
            return false;
        }
        return accounts.findById(login.accountId())
                .map(Account::identityProofing)
                .filter(proofing -> LoginAssurance.of(proofing, Authenticator.PASSKEY).level().isAtLeast(needed))
                .isPresent();
    }

    /** What keeps the account below the level: its proofing, or a missing second factor. */
    private LevelOutOfReachException.LevelGap gap(CitizenAuthentication login, AssuranceLevel needed) {
        AssuranceLevel proofing = accounts.findById(login.accountId())
                .map(Account::identityProofing)
                .orElse(AssuranceLevel.BASIC);
        boolean identityUnproven = !proofing.isAtLeast(needed);
        boolean secondFactorMissing = needed.isAtLeast(AssuranceLevel.SUBSTANTIAL) && needed != AssuranceLevel.HIGH
                && !secondFactors.hasAny(login.accountId());
        return new LevelOutOfReachException.LevelGap(needed, identityUnproven, secondFactorMissing);
    }

    private static boolean promptNone(Map<String, Object> parameters) {
        String prompt = text(parameters, "prompt");
        return prompt != null && prompt.trim().equals("none");
    }

    private static String text(Map<String, Object> parameters, String name) {
        Object value = parameters.get(name);
        return value instanceof String string ? string : null;
    }

    private static OAuth2AuthorizationCodeRequestAuthenticationException error(
            OAuth2AuthorizationCodeRequestAuthenticationToken request, String code, String description) {
        return new OAuth2AuthorizationCodeRequestAuthenticationException(new OAuth2Error(code, description, null),
                request);
    }
}
