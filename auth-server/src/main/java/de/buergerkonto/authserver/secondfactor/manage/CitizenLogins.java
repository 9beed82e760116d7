package de.buergerkonto.authserver.secondfactor.manage;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;

import de.buergerkonto.authserver.login.CitizenAuthentication;

/** The citizen's login behind a management page; any other authentication may not manage factors. */
final class CitizenLogins {

    private CitizenLogins() {
    }

    static CitizenAuthentication of(Authentication authentication) {
        if (authentication instanceof CitizenAuthentication login) {
            return login;
        }
        throw new AccessDeniedException("Not a citizen's login");
    }
}
