package de.buergerkonto.demoservices.shared;

import java.util.Map;

import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestAttribute;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET <prefix>/api/me}: what this service knows about the citizen behind the request. */
@RestController
class MeController {

    @GetMapping("${buergerkonto.demo-service.prefix}/api/me")
    Map<String, Object> me(@AuthenticationPrincipal Jwt token,
            @RequestAttribute(GatewayAssertion.ATTRIBUTE) GatewayAssertion assertion) {
        return Citizen.of(token, assertion).toJson();
    }
}
