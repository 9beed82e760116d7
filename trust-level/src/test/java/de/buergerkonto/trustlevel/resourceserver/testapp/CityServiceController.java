package de.buergerkonto.trustlevel.resourceserver.testapp;

import java.util.Map;

import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The endpoints of {@link PermitsTestApplication}; each answers with the token's acr. */
@RestController
class CityServiceController {

    @GetMapping({"/news", "/permits", "/payments", "/account"})
    Map<String, Object> resource(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("acr", String.valueOf(jwt.getClaims().get("acr")));
    }

    @GetMapping("/profile")
    @PreAuthorize("@substantialLevel")
    Map<String, Object> profile(@AuthenticationPrincipal Jwt jwt) {
        return Map.of("acr", String.valueOf(jwt.getClaims().get("acr")));
    }
}
