package de.buergerkonto.demoservices.bewohnerparken;

import java.security.SecureRandom;
import java.util.HexFormat;

import jakarta.validation.Valid;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;

import de.buergerkonto.demoservices.shared.Citizen;
import de.buergerkonto.demoservices.shared.CitizenPage;

/**
 * Bewohnerparkausweis (substantial): the application form with the verified name and address and
 * the licence plate to enter; a submitted application gets a reference number (the demo keeps nothing).
 */
@Controller
@CitizenPage
@Profile("bewohnerparken")
@RequestMapping("/bewohnerparken")
class ParkingPermitController {

    private final SecureRandom random = new SecureRandom();

    @GetMapping("/")
    String form(Model model) {
        model.addAttribute("application", new PermitApplication(""));
        return "bewohnerparken";
    }

    @PostMapping("/application")
    String apply(@ModelAttribute("citizen") Citizen citizen,
            @Valid @ModelAttribute("application") PermitApplication application, BindingResult errors, Model model) {
        boolean addressKnown = citizen.address("street_address") != null && citizen.address("postal_code") != null;
        if (errors.hasErrors() || !addressKnown) {
            return "bewohnerparken";
        }
        model.addAttribute("plate", application.normalisedPlate());
        model.addAttribute("reference", "BPA-" + HexFormat.of().withUpperCase().formatHex(randomBytes()));
        return "bewohnerparken-submitted";
    }

    private byte[] randomBytes() {
        byte[] bytes = new byte[4];
        random.nextBytes(bytes);
        return bytes;
    }
}
