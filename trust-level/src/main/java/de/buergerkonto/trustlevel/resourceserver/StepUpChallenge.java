package de.buergerkonto.trustlevel.resourceserver;

import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

import org.springframework.security.authorization.AuthorizationResult;

import com.nimbusds.jose.util.JSONObjectUtils;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A denial because the user authentication behind a valid access token is too weak or too old,
 * and the challenge that tells the client what to ask for: RFC 9470, section 3, the
 * {@code insufficient_user_authentication} error of the {@code Bearer} scheme with
 * {@code acr_values} (the needed level and every higher one, in that order of preference) and,
 * when the login was too old, {@code max_age} in seconds.
 *
 * @param required the level the resource needs
 * @param maxAge the freshness the resource needs, only when the token's {@code auth_time} failed it
 */
public record StepUpChallenge(AssuranceLevel required, Duration maxAge) implements AuthorizationResult {

    /** The RFC 9470 error code. */
    public static final String ERROR = "insufficient_user_authentication";

    static final String LEVEL_DESCRIPTION = "A different authentication level is required";
    static final String FRESHNESS_DESCRIPTION = "More recent authentication is required";

    public StepUpChallenge {
        Objects.requireNonNull(required, "required");
    }

    /** A challenge for a level the token does not prove. */
    public static StepUpChallenge level(AssuranceLevel required) {
        return new StepUpChallenge(required, null);
    }

    /** A challenge for a login older than {@code maxAge}, at a level the token does prove. */
    public static StepUpChallenge freshness(AssuranceLevel required, Duration maxAge) {
        return new StepUpChallenge(required, Objects.requireNonNull(maxAge, "maxAge"));
    }

    @Override
    public boolean isGranted() {
        return false;
    }

    /** The canonical {@code acr} of the required level and of every higher one, space-separated, required first. */
    public String acrValues() {
        return Arrays.stream(AssuranceLevel.values()).filter(level -> level.isAtLeast(required))
                .map(AssuranceLevel::acr).collect(Collectors.joining(" "));
    }

    /** RFC 9470's example wording: a different level, or, when only the age failed, a more recent login. */
    public String errorDescription() {
        return maxAge == null ? LEVEL_DESCRIPTION : FRESHNESS_DESCRIPTION;
    }

    /** The {@code WWW-Authenticate} response header value (RFC 6750, section 3; RFC 9470, section 3). */
    public String wwwAuthenticate() {
        // every value is one of our own constants: nothing from the request needs escaping
        StringBuilder header = new StringBuilder("Bearer error=\"").append(ERROR)
                .append("\", error_description=\"").append(errorDescription())
                .append("\", acr_values=\"").append(acrValues()).append('"');
        if (maxAge != null) {
            header.append(", max_age=\"").append(maxAge.toSeconds()).append('"');
        }
        return header.toString();
    }

    /** The JSON response body: the same error as an OAuth error object. */
    public String errorBody() {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("error", ERROR);
        body.put("error_description", errorDescription());
        return JSONObjectUtils.toJSONString(body);
    }
}
