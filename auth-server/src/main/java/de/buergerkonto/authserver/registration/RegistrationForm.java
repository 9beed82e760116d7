package de.buergerkonto.authserver.registration;

/** What the registration page posts. */
public record RegistrationForm(String email, String password, String passwordConfirmation) {

    static RegistrationForm empty() {
        return new RegistrationForm("", "", "");
    }
}
