package de.buergerkonto.eidhandover;

import java.util.Objects;

/**
 * A handover token the {@link EidHandoverTokenReader} accepted: who the card said the citizen is.
 * Every attribute was read from the card's chip and verified by the eID-Server.
 *
 * <p>{@code toString()} shows no personal data.
 *
 * @param jti the token's ID, already recorded as used
 * @param state the auth-server's {@code state}: the caller must compare it with the one it sent
 * @param purpose login or proof
 * @param card the pseudonym and the attributes the card gave
 */
public record EidHandover(String jti, String state, Purpose purpose, CardIdentity card) {

    public EidHandover {
        Objects.requireNonNull(card, "card");
    }

    @Override
    public String toString() {
        return "EidHandover[" + purpose + ", " + card + "]";
    }
}
