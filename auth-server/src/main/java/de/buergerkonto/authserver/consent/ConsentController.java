package de.buergerkonto.authserver.consent;

import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import org.springframework.http.HttpStatus;
import org.springframework.security.oauth2.core.endpoint.OAuth2ParameterNames;
import org.springframework.security.oauth2.core.oidc.OidcScopes;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsent;
import org.springframework.security.oauth2.server.authorization.OAuth2AuthorizationConsentService;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClient;
import org.springframework.security.oauth2.server.authorization.client.RegisteredClientRepository;
import org.springframework.stereotype.Controller;

import de.buergerkonto.authserver.eid.VerifiedClaims;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.server.ResponseStatusException;

/**
 * The page where a citizen decides which data a service may receive (OpenID Connect Core 1.0,
 * section 3.1.2.4). The authorization endpoint sends the browser here; the form posts the
 * decision back to it. Signing in ({@code openid}) is part of every approval; each other
 * scope the citizen has not granted before is a checkbox.
 */
@Controller
final class ConsentController {

    private final RegisteredClientRepository clients;
    private final OAuth2AuthorizationConsentService consents;
    private final VerifiedClaims verifiedClaims;

    ConsentController(RegisteredClientRepository clients, OAuth2AuthorizationConsentService consents,
            VerifiedClaims verifiedClaims) {
        this.verifiedClaims = verifiedClaims;
        this.clients = clients;
        this.consents = consents;
    }

    @GetMapping("/oauth2/consent")
    String consent(Principal citizen, @RequestParam(OAuth2ParameterNames.CLIENT_ID) String clientId,
            @RequestParam(OAuth2ParameterNames.SCOPE) String scope, @RequestParam(OAuth2ParameterNames.STATE) String state,
            Model model) {
        RegisteredClient client = clients.findByClientId(clientId);
        if (client == null) {
            throw new ResponseStatusException(HttpStatus.BAD_REQUEST, "unknown client");
        }
        Set<String> granted = grantedScopes(client, citizen.getName());
        List<String> toApprove = new ArrayList<>();
        List<String> approvedBefore = new ArrayList<>();
        Set<String> requested = new LinkedHashSet<>(Arrays.asList(scope.trim().split("\\s+")));
        for (String requestedScope : requested) {
            if (OidcScopes.OPENID.equals(requestedScope)) {
                continue;
            }
            (granted.contains(requestedScope) ? approvedBefore : toApprove).add(requestedScope);
        }
        model.addAttribute("clientId", clientId);
        model.addAttribute("clientName", client.getClientName());
        model.addAttribute("state", state);
        model.addAttribute("openid", requested.contains(OidcScopes.OPENID));
        model.addAttribute("toApprove", toApprove);
        model.addAttribute("approvedBefore", approvedBefore);
        // which checkboxes release the ID card's verified data, and say so
        model.addAttribute("verifiedScopes", verifiedClaims.releasedUnder(citizen.getName(), toApprove));
        return "consent";
    }

    private Set<String> grantedScopes(RegisteredClient client, String principalName) {
        OAuth2AuthorizationConsent previous = consents.findById(client.getId(), principalName);
        return previous == null ? Set.of() : previous.getScopes();
    }
}
