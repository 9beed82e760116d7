package de.buergerkonto.authserver.authorization;

import de.buergerkonto.authserver.security.Sha256;

/** The Redis key names of this package (see {@code docs/redis-keys.md}); token values only as SHA-256. */
final class AuthorizationKeys {

    private AuthorizationKeys() {
    }

    static String authorization(String id) {
        return "authorization:" + id;
    }

    static String token(StoredTokenKind kind, String value) {
        return "authorization-token:" + kind.tokenType() + ":" + Sha256.hex(value);
    }

    static String state(String state) {
        return "authorization-token:state:" + Sha256.hex(state);
    }

    static String rotatedRefreshToken(String value) {
        return "authorization-rotated-refresh-token:" + Sha256.hex(value);
    }

    static String consent(String registeredClientId, String principalName) {
        return "consent:" + registeredClientId + ":" + principalName;
    }
}
