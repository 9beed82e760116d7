package de.buergerkonto.authserver.secondfactor;

import java.time.Duration;
import java.time.Instant;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * What a session's login says about second factors. A login that passed a second factor carries
 * {@code mfa} and its {@code auth_time} is the time of that factor (the last active
 * authentication), so "recently" is measured from {@code auth_time}.
 */
public final class SecondFactorSessions {

    /**
     * How fresh a second factor must be for changes that weaken or extend an account's second
     * factors (removing the last one, adding another, new recovery codes): the idle time of
     * "substantial" (MISSION.md, TR-03160-1), the level a second factor protects.
     */
    public static final Duration RECENT = Duration.ofMinutes(30);

    private SecondFactorSessions() {
    }

    public static boolean usedSecondFactor(CitizenAuthentication login) {
        return login.methods().contains(AuthenticationMethod.MULTI_FACTOR);
    }

    /** Whether this login passed a second factor within the last {@link #RECENT} (inclusive). */
    public static boolean usedSecondFactorRecently(CitizenAuthentication login, Instant now) {
        return usedSecondFactor(login) && !login.authTime().plus(RECENT).isBefore(now);
    }
}
