package de.buergerkonto.demoservices.epayment;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.HexFormat;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.demoservices.shared.CitizenPage;

/**
 * E-Payment (high): choose a fee, pay it, get a receipt with the verified name. The payment is
 * simulated: no money moves and nothing is stored.
 */
@Controller
@CitizenPage
@Profile("e-payment")
@RequestMapping("/e-payment")
class PaymentController {

    private final SecureRandom random = new SecureRandom();
    private final Clock clock;

    PaymentController(Clock clock) {
        this.clock = clock;
    }

    @GetMapping("/")
    String fees(Model model) {
        model.addAttribute("fees", Fee.values());
        return "e-payment";
    }

    @PostMapping("/payment")
    String pay(@RequestParam(name = "fee", required = false) Fee fee, Model model) {
        if (fee == null) {
            model.addAttribute("fees", Fee.values());
            model.addAttribute("feeMissing", true);
            return "e-payment";
        }
        byte[] number = new byte[6];
        random.nextBytes(number);
        model.addAttribute("fee", fee);
        model.addAttribute("receipt", "EP-" + HexFormat.of().withUpperCase().formatHex(number));
        model.addAttribute("paidAt", clock.instant());
        return "e-payment-receipt";
    }
}
