package de.buergerkonto.trustlevel;

import java.text.ParseException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

import com.nimbusds.jose.util.JSONObjectUtils;

/**
 * What an authorization request demands of the login, read from its OpenID Connect parameters
 * (Core 1.0): {@code acr_values} (section 3.1.2.1, voluntary), an {@code acr} member of the
 * {@code claims} parameter under {@code id_token} or {@code userinfo} (section 5.5.1.1; essential
 * values MUST be met), and {@code max_age} (section 3.1.2.1).
 *
 * <p>Levels are accepted in every form {@link AssuranceLevel#parse} reads; unknown values are
 * ignored. Higher levels satisfy lower ones, so the requirement is the lowest level requested.
 * An essential {@code acr} decides alone; without one, the voluntary requests of {@code acr_values}
 * and of the {@code claims} parameter together give the minimum. An essential {@code acr} without
 * {@code values} only asks for the claim, which every login token carries: no level requirement.
 *
 * <p>This reads what was asked for; only the {@code acr} of the validated token says what was reached.
 */
public final class LevelRequirement {

    /** No level and no age demanded. */
    public static final LevelRequirement NONE = new LevelRequirement(null, false, null);

    // the claims parameter is a short JSON object; longer input is refused before parsing
    private static final int MAX_CLAIMS_LENGTH = 16 * 1024;

    private final AssuranceLevel minimum;
    private final boolean essential;
    private final Duration maxAge;

    private LevelRequirement(AssuranceLevel minimum, boolean essential, Duration maxAge) {
        this.minimum = minimum;
        this.essential = essential;
        this.maxAge = maxAge;
    }

    /**
     * @param acrValues the {@code acr_values} parameter (OPTIONAL), space-separated, or {@code null}
     * @param claims the {@code claims} parameter (OPTIONAL), a JSON object, or {@code null}
     * @param maxAge the {@code max_age} parameter (OPTIONAL), seconds, or {@code null}
     * @throws LevelRequirementException {@code invalid_request} when {@code claims} or {@code max_age}
     *         is malformed, {@code unmet_authentication_requirements} when an essential {@code acr}
     *         names no level that exists here
     */
    public static LevelRequirement parse(String acrValues, String claims, String maxAge) {
        List<AssuranceLevel> voluntary = new ArrayList<>(levels(acrValues == null ? List.of()
                : Arrays.asList(acrValues.trim().split("\\s+"))));
        AssuranceLevel essentialMinimum = null;
        for (AcrRequest request : acrRequests(claims)) {
            if (!request.essential()) {
                voluntary.addAll(levels(request.values() == null ? List.of() : request.values()));
                continue;
            }
            if (request.values() == null) {
                continue;
            }
            AssuranceLevel lowest = lowest(levels(request.values())).orElseThrow(() -> new LevelRequirementException(
                    LevelRequirementException.Error.UNMET_AUTHENTICATION_REQUIREMENTS,
                    "None of the essential acr values is a trust level of this server"));
            // id_token and userinfo requests must both be met
            essentialMinimum = essentialMinimum == null || lowest.isAtLeast(essentialMinimum) ? lowest : essentialMinimum;
        }
        Duration age = maxAge(maxAge);
        if (essentialMinimum != null) {
            return new LevelRequirement(essentialMinimum, true, age);
        }
        return new LevelRequirement(lowest(voluntary).orElse(null), false, age);
    }

    /** The lowest level that satisfies the request; empty when any level will do. */
    public Optional<AssuranceLevel> minimum() {
        return Optional.ofNullable(minimum);
    }

    /** Whether {@link #minimum()} must be met or the request fails with {@code unmet_authentication_requirements}. */
    public boolean essential() {
        return essential;
    }

    /** The {@code max_age}: re-authenticate when the login is older; zero means always. */
    public Optional<Duration> maxAge() {
        return Optional.ofNullable(maxAge);
    }

    /** Whether a login at {@code level} reaches {@link #minimum()}. */
    public boolean isMetBy(AssuranceLevel level) {
        return minimum == null || level.isAtLeast(minimum);
    }

    /** {@code values} is {@code null} when the request names no value at all. */
    private record AcrRequest(boolean essential, List<String> values) {
    }

    private static List<AcrRequest> acrRequests(String claims) {
        if (claims == null || claims.isBlank()) {
            return List.of();
        }
        if (claims.length() > MAX_CLAIMS_LENGTH) {
            throw invalidClaims("is too long");
        }
        try {
            Map<String, Object> request = JSONObjectUtils.parse(claims);
            List<AcrRequest> acrRequests = new ArrayList<>();
            for (String member : List.of("id_token", "userinfo")) {
                Map<String, Object> claimsOfMember = JSONObjectUtils.getJSONObject(request, member);
                if (claimsOfMember != null && claimsOfMember.get("acr") != null) {
                    acrRequests.add(acrRequest(JSONObjectUtils.getJSONObject(claimsOfMember, "acr")));
                }
            }
            return acrRequests;
        }
        catch (ParseException ex) {
            throw invalidClaims("is not a valid claims request");
        }
    }

    private static AcrRequest acrRequest(Map<String, Object> acr) throws ParseException {
        boolean essential = acr.get("essential") != null && JSONObjectUtils.getBoolean(acr, "essential");
        if (acr.get("value") == null && acr.get("values") == null) {
            return new AcrRequest(essential, null);
        }
        List<String> values = new ArrayList<>();
        if (acr.get("value") != null) {
            values.add(JSONObjectUtils.getString(acr, "value"));
        }
        if (acr.get("values") != null) {
            values.addAll(JSONObjectUtils.getStringList(acr, "values"));
        }
        return new AcrRequest(essential, values);
    }

    private static List<AssuranceLevel> levels(List<String> values) {
        return values.stream().map(AssuranceLevel::parse).flatMap(Optional::stream).toList();
    }

    private static Optional<AssuranceLevel> lowest(List<AssuranceLevel> levels) {
        return levels.stream().min(Enum::compareTo);
    }

    private static Duration maxAge(String maxAge) {
        if (maxAge == null) {
            return null;
        }
        try {
            long seconds = Long.parseLong(maxAge.trim());
            if (seconds < 0) {
                throw invalidMaxAge();
            }
            return Duration.ofSeconds(seconds);
        }
        catch (NumberFormatException ex) {
            throw invalidMaxAge();
        }
    }

    private static LevelRequirementException invalidClaims(String problem) {
        return new LevelRequirementException(LevelRequirementException.Error.INVALID_REQUEST,
                "The claims parameter " + problem);
    }

    private static LevelRequirementException invalidMaxAge() {
        return new LevelRequirementException(LevelRequirementException.Error.INVALID_REQUEST,
                "The max_age parameter is not a number of seconds");
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LevelRequirement that && minimum == that.minimum && essential == that.essential
                && Objects.equals(maxAge, that.maxAge);
    }

    @Override
    public int hashCode() {
        return Objects.hash(minimum, essential, maxAge);
    }

    @Override
    public String toString() {
        return "LevelRequirement[minimum=" + minimum + ", essential=" + essential + ", maxAge=" + maxAge + "]";
    }
}
