package de.buergerkonto.authserver.eid;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.stereotype.Component;

import de.buergerkonto.eidhandover.HandoverClaims;

/**
 * The verified card data as OpenID Connect for Identity Assurance 1.0 {@code verified_claims}, for
 * the ID token and userinfo. Released per scope, only scopes the client may request and the
 * citizen granted (the token's authorized scopes):
 * <ul>
 * <li>{@code profile}: {@code given_name}, {@code family_name}, {@code birth_family_name},
 * {@code birthdate}, {@code place_of_birth}, {@code nationalities};</li>
 * <li>{@code address}: {@code address}.</li>
 * </ul>
 * The verification: {@code trust_framework} {@value #TRUST_FRAMEWORK} with {@code assurance_level}
 * {@value #ASSURANCE_LEVEL} (the ID card is an eID means notified under eIDAS at level high; the
 * IDA registry's {@code de_aml} would claim an AML identification, which this is not), the
 * {@code time} the card was read, and one {@code document} evidence checked by {@code vcrypt}
 * (the chip's data verified cryptographically by the eID-Server) with the document's type and
 * issuing country. Without a linked card there are no {@code verified_claims}, never empty ones.
 */
@Component
public class VerifiedClaims {

    public static final String CLAIM = "verified_claims";
    public static final String TRUST_FRAMEWORK = "eidas";
    static final String ASSURANCE_LEVEL = "high";
    /** The claims that may appear inside {@code verified_claims} ({@code profile}, then {@code address}), for discovery. */
    public static final List<String> CLAIMS_IN_VERIFIED_CLAIMS = List.of("given_name", "family_name",
            "birth_family_name", "birthdate", "place_of_birth", "nationalities", "address");
    /** The scopes that release verified claims, for discovery and the consent page. */
    public static final Set<String> RELEASING_SCOPES = Set.of(OidcScopes.PROFILE, OidcScopes.ADDRESS);

    private final CardLinks links;

    VerifiedClaims(CardLinks links) {
        this.links = links;
    }

    /** The {@code verified_claims} object for these authorized scopes; empty when none is released. */
    public Optional<Map<String, Object>> forAccount(String accountId, Collection<String> authorizedScopes) {
        if (authorizedScopes.stream().noneMatch(RELEASING_SCOPES::contains)) {
            return Optional.empty();
        }
        return links.verifiedIdentity(accountId).flatMap(identity -> of(identity, authorizedScopes));
    }

    /** The requested scopes under which this account's verified data would be released (consent page). */
    public List<String> releasedUnder(String accountId, Collection<String> scopes) {
        if (links.verifiedIdentity(accountId).isEmpty()) {
            return List.of();
        }
        return scopes.stream().filter(RELEASING_SCOPES::contains).toList();
    }

    static Optional<Map<String, Object>> of(VerifiedIdentity identity, Collection<String> scopes) {
        // HashMap and ArrayList: stored token claims are read back only as allowlisted types
        Map<String, Object> claims = new HashMap<>();
        if (scopes.contains(OidcScopes.PROFILE)) {
            put(claims, "given_name", identity.givenName());
            put(claims, "family_name", identity.familyName());
            put(claims, "birth_family_name", identity.birthFamilyName());
            put(claims, "birthdate", identity.birthdate());
            if (!identity.placeOfBirth().isEmpty()) {
                claims.put("place_of_birth", placeOfBirth(identity.placeOfBirth()));
            }
            if (identity.nationality() != null) {
                claims.put("nationalities", new ArrayList<>(List.of(countryCode(identity.nationality()))));
            }
        }
        if (scopes.contains(OidcScopes.ADDRESS) && !identity.address().isEmpty()) {
            claims.put("address", address(identity.address()));
        }
        if (claims.isEmpty()) {
            return Optional.empty();
        }
        Map<String, Object> verifiedClaims = new HashMap<>();
        verifiedClaims.put("verification", verification(identity));
        verifiedClaims.put("claims", claims);
        return Optional.of(verifiedClaims);
    }

    private static Map<String, Object> verification(VerifiedIdentity identity) {
        Map<String, Object> check = new HashMap<>();
        check.put("check_method", "vcrypt");
        Map<String, Object> evidence = new HashMap<>();
        evidence.put("type", "document");
        evidence.put("check_details", new ArrayList<>(List.of(check)));
        Map<String, Object> document = new HashMap<>();
        documentType(identity.documentType()).ifPresent(type -> document.put("type", type));
        if (identity.issuingState() != null && document.containsKey("type")) {
            Map<String, Object> issuer = new HashMap<>();
            issuer.put("country_code", countryCode(identity.issuingState()));
            document.put("issuer", issuer);
        }
        if (!document.isEmpty()) {
            evidence.put("document_details", document);
        }
        Map<String, Object> verification = new HashMap<>();
        verification.put("trust_framework", TRUST_FRAMEWORK);
        verification.put("assurance_level", ASSURANCE_LEVEL);
        verification.put("time", time(identity.verifiedAt()));
        // the local run's demo fixture was never read from a document: it claims no evidence
        if (identity.cardLinked()) {
            verification.put("evidence", new ArrayList<>(List.of(evidence)));
        }
        return verification;
    }

    /** IDA's place_of_birth has country, region, locality; the card's free-text place is a locality. */
    private static Map<String, Object> placeOfBirth(Map<String, String> place) {
        Map<String, Object> json = new HashMap<>();
        copy(place, HandoverClaims.LOCALITY, json, "locality");
        copy(place, HandoverClaims.FORMATTED, json, "locality");
        copy(place, HandoverClaims.REGION, json, "region");
        if (place.containsKey(HandoverClaims.COUNTRY)) {
            json.put("country", countryCode(place.get(HandoverClaims.COUNTRY)));
        }
        return json;
    }

    /** The OpenID Connect Core address claim (5.1.1). */
    private static Map<String, Object> address(Map<String, String> address) {
        Map<String, Object> json = new HashMap<>();
        copy(address, HandoverClaims.STREET_ADDRESS, json, "street_address");
        copy(address, HandoverClaims.LOCALITY, json, "locality");
        copy(address, HandoverClaims.POSTAL_CODE, json, "postal_code");
        copy(address, HandoverClaims.REGION, json, "region");
        copy(address, HandoverClaims.COUNTRY, json, "country");
        copy(address, HandoverClaims.FORMATTED, json, "formatted");
        return json;
    }

    /** ICAO 9303 document codes: ID the identity card, AR/AS/AF the electronic residence permits (eAT), UB the eID card for EU citizens. */
    private static Optional<String> documentType(String icao) {
        if (icao == null) {
            return Optional.empty();
        }
        return switch (icao.strip()) {
            case "ID", "UB" -> Optional.of("idcard");
            case "AR", "AS", "AF" -> Optional.of("residence_permit");
            default -> Optional.empty();
        };
    }

    /** IDA wants ISO 3166/ICAO 3-letter codes; the card says "D" for Germany (ICAO 9303's one exception). */
    private static String countryCode(String icao) {
        String code = icao.strip();
        return "D".equals(code) ? "DEU" : code;
    }

    private static String time(Instant instant) {
        return instant.truncatedTo(ChronoUnit.SECONDS).toString();
    }

    private static void put(Map<String, Object> claims, String name, String value) {
        if (value != null) {
            claims.put(name, value);
        }
    }

    private static void copy(Map<String, String> from, String key, Map<String, Object> to, String name) {
        if (from.containsKey(key)) {
            to.put(name, from.get(key));
        }
    }
}
