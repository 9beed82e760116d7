package de.buergerkonto.authserver.testing;

import java.time.Instant;

import de.buergerkonto.authserver.secondfactor.totp.Totp;

/**
 * Codes of the local run's documented demo secret (max@example.org, {@code JBSWY3DPEHPK3PXP}).
 * Several tests of one JVM log Max in against the same Redis, and a step's code is accepted only
 * once: each test gets a step no other took, the current one or the next (inside the +-1 window).
 */
public final class DemoTotp {

    private static final AuthenticatorApp MAX = AuthenticatorApp.fromManualKey("JBSW Y3DP EHPK 3PXP");
    private static long lastStepHandedOut = Long.MIN_VALUE;

    private DemoTotp() {
    }

    /** A code for Max's app not given to any other test, valid at {@code now}. */
    public static synchronized String maxsNextCode(Instant now) {
        long step = Math.max(Totp.step(now), lastStepHandedOut + 1);
        if (step > Totp.step(now) + 1) {
            throw new IllegalStateException("More than two logins of Max within one time step");
        }
        lastStepHandedOut = step;
        return MAX.codeForStep(step);
    }
}
