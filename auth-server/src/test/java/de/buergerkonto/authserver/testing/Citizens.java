package de.buergerkonto.authserver.testing;

import java.util.Map;
import java.util.UUID;

/** Steps many citizen page tests share, driven through the real pages. */
public final class Citizens {

    public static final String PASSWORD = "Amsel-Drossel-Fink-42";

    private Citizens() {
    }

    /** An address no other test uses, so tests need not clean up accounts or mails. */
    public static String newEmail(String purpose) {
        return purpose + "-" + UUID.randomUUID().toString().substring(0, 8) + "@example.org";
    }

    public static Page register(Browser browser, String email, String password) {
        Page form = browser.get("/register");
        return browser.submit(form, "form[action=/register]",
                Map.of("email", email, "password", password, "passwordConfirmation", password));
    }

    public static Page logIn(Browser browser, String email, String password) {
        Page form = browser.get("/login");
        return browser.submit(form, "form[action=/login]", Map.of("email", email, "password", password));
    }

    /** Registers and verifies through the mailed link: an account that can log in. */
    public static void registerVerified(Browser browser, Mailbox mailbox, String email, String password) {
        register(browser, email, password);
        String link = mailbox.awaitFirstMail(email).link("/verify-email");
        Page confirm = browser.get(link);
        browser.submit(confirm, "form[action=/verify-email]", Map.of());
    }
}
