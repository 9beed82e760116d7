package de.buergerkonto.gateway.pages;

import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.server.ServerWebExchange;

import reactor.core.publisher.Mono;

/**
 * {@code GET /abmelden}: the page whose button logs out (a POST with the CSRF token, so no other
 * site can log a citizen out); {@code GET /logged-out}: where the auth-server sends the browser after
 * its own logout.
 */
@Controller
class GatewayPagesController {

    /** Not {@code GET /logout}: Spring Security answers that with its own generated page once oauth2Login is on. */
    static final String LOGOUT_PAGE = "/abmelden";

    @GetMapping(LOGOUT_PAGE)
    Mono<String> logout(ServerWebExchange exchange, Model model) {
        Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
        model.addAttribute("lang", Pages.locale(exchange).getLanguage());
        return (token == null ? Mono.<CsrfToken>empty() : token)
                .doOnNext(csrf -> model.addAttribute("csrf", csrf))
                .thenReturn("gateway/logout");
    }

    @GetMapping("/logged-out")
    String loggedOut(ServerWebExchange exchange, Model model) {
        model.addAttribute("lang", Pages.locale(exchange).getLanguage());
        return "gateway/logged-out";
    }
}
