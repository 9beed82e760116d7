package de.buergerkonto.authserver.eid;

import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ModelAttribute;

/** Tells the citizen pages whether to offer the ID card ({@code eidAvailable}): the login page's link, the account page's proof. */
@ControllerAdvice
class EidPageAdvice {

    private final boolean available;

    EidPageAdvice(EidProperties properties) {
        this.available = properties.enabled();
    }

    @ModelAttribute("eidAvailable")
    boolean eidAvailable() {
        return available;
    }
}
