package de.buergerkonto.gateway;

import java.util.Set;

/**
 * The claims a route may release to its upstream in the gateway assertion: the standard claims of
 * OpenID Connect Core 1.0, section 5.1, and the identity claims of OpenID Connect for Identity
 * Assurance. A route naming anything else fails validation (a typo would otherwise release nothing).
 */
public final class ReleasableAttributes {

    public static final Set<String> NAMES = Set.of("name", "given_name", "family_name", "middle_name", "nickname",
            "preferred_username", "gender", "birthdate", "email", "email_verified", "phone_number",
            "phone_number_verified", "address", "locale", "zoneinfo", "updated_at",
            "place_of_birth", "nationalities", "birth_family_name", "birth_given_name", "academic_title");

    private ReleasableAttributes() {
    }
}
