package de.buergerkonto.trustlevel.resourceserver.testapp;

import java.util.LinkedHashMap;
import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

import de.buergerkonto.trustlevel.AssuranceLevel;

/** The endpoints of {@link PermitsTestApplication}; each answers with the token's acr. */
@RestController
class CityServiceController {

    @GetMapping({"/news", "/permits", "/payments"})
    Map<String, Object> resource(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("acr", String.valueOf(jwt.getClaims().get("acr")));
    }

    /** Reads the login's claims the way docs/integration-guide.md shows. */
    @GetMapping("/account")
    Map<String, Object> account(@AuthenticationPrincipal Jwt jwt) {
        Map<String, Object> login = new LinkedHashMap<>();
        login.put("level", AssuranceLevel.parse(jwt.getClaimAsString("acr")).map(AssuranceLevel::shortName).orElse("none"));
        login.put("amr", String.valueOf(jwt.getClaimAsStringList("amr")));
        login.put("authTime", String.valueOf(jwt.getClaimAsInstant("auth_time")));
        return login;
    }

    @GetMapping("/profile")
    @PreAuthorize("@substantialLevel")
    Map<String, Object> profile(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("acr", String.valueOf(jwt.getClaims().get("acr")));
    }
}
