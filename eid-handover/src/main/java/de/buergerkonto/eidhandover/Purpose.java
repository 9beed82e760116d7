package de.buergerkonto.eidhandover;

import java.util.Arrays;
import java.util.Optional;

/** Why the auth-server sent the citizen to the ID card: to log in, or to prove an account's identity. */
public enum Purpose {
    LOGIN("login"),
    PROOF("proof");

    private final String value;

    Purpose(String value) {
        this.value = value;
    }

    /** The value in {@code /eid/start?purpose=} and in the token's {@code purpose} claim. */
    public String value() {
        return value;
    }

    public static Optional<Purpose> of(String value) {
        return Arrays.stream(values()).filter(purpose -> purpose.value.equals(value)).findFirst();
    }
}
