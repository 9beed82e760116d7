package de.buergerkonto.authserver.passwordreset;

/** What the "choose a new password" page posts; the token comes from the mailed link. */
public record NewPasswordForm(String token, String password, String passwordConfirmation) {
}
