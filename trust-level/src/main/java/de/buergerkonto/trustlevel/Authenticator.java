package de.buergerkonto.trustlevel;

import static de.buergerkonto.trustlevel.AuthenticationMethod.HARDWARE_KEY;
import static de.buergerkonto.trustlevel.AuthenticationMethod.ONE_TIME_PASSWORD;
import static de.buergerkonto.trustlevel.AuthenticationMethod.PIN;
import static de.buergerkonto.trustlevel.AuthenticationMethod.SMART_CARD;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The means a citizen authenticates with, each with the factors it proves, the {@code amr}
 * values (RFC 8176, section 2) it contributes, and its strength on its own (BSI TR-03107-1 and
 * the eIDAS implementing regulation (EU) 2015/1502, section 2.2.1, as BundID applies them).
 *
 * <p>Two authenticators of independent factors together reach {@link AssuranceLevel#SUBSTANTIAL}
 * ({@link LoginAssurance}); only the eID reaches {@link AssuranceLevel#HIGH}.
 */
public enum Authenticator {

    /** The account password. */
    PASSWORD(AssuranceLevel.LOW, EnumSet.of(Factor.KNOWLEDGE), List.of(AuthenticationMethod.PASSWORD)),
    /** A TOTP code (RFC 6238) from an app enrolled with the account. */
    TOTP(AssuranceLevel.LOW, EnumSet.of(Factor.POSSESSION), List.of(ONE_TIME_PASSWORD)),
    /**
     * A WebAuthn credential asserted without user verification (a plain security key): proves
     * possession only, so it counts as a second factor next to the password, never on its own.
     */
    SECURITY_KEY(AssuranceLevel.LOW, EnumSet.of(Factor.POSSESSION), List.of(HARDWARE_KEY)),
    /**
     * A WebAuthn credential asserted with user verification (the UV flag): the device checked a
     * PIN or a biometric, which we cannot tell apart, so it counts as knowledge next to possession.
     */
    PASSKEY(AssuranceLevel.SUBSTANTIAL, EnumSet.of(Factor.POSSESSION, Factor.KNOWLEDGE), List.of(HARDWARE_KEY)),
    /**
     * The online ID function of the German ID card, eAT or EU citizen card: the card (smart card)
     * and its PIN, checked by the eID-Server (BSI TR-03130).
     */
    EID(AssuranceLevel.HIGH, EnumSet.of(Factor.POSSESSION, Factor.KNOWLEDGE), List.of(SMART_CARD, PIN));

    /** Authentication factor categories; two different ones are "independent factors". */
    public enum Factor { KNOWLEDGE, POSSESSION }

    private final AssuranceLevel strength;
    private final Set<Factor> factors;
    private final List<AuthenticationMethod> methods;

    Authenticator(AssuranceLevel strength, Set<Factor> factors, List<AuthenticationMethod> methods) {
        this.strength = strength;
        this.factors = factors;
        this.methods = methods;
    }

    /** The level this authenticator reaches on its own. */
    public AssuranceLevel strength() {
        return strength;
    }

    public Set<Factor> factors() {
        return EnumSet.copyOf(factors);
    }

    /** The {@code amr} values it contributes, without {@code mfa} (that depends on the combination). */
    public List<AuthenticationMethod> methods() {
        return methods;
    }
}
