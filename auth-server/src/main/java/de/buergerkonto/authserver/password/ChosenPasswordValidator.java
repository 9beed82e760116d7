package de.buergerkonto.authserver.password;

import org.springframework.stereotype.Component;
import org.springframework.validation.Errors;

/**
 * Checks a newly chosen password and its repetition on a form with the fields
 * {@code password} and {@code passwordConfirmation}, as registration and password reset use.
 */
@Component
public class ChosenPasswordValidator {

    private final PasswordPolicy policy;

    public ChosenPasswordValidator(PasswordPolicy policy) {
        this.policy = policy;
    }

    /** Rejects the form's fields with the messages the citizen sees; the email is the account's. */
    public void validate(String password, String passwordConfirmation, String email, Errors errors) {
        if (password == null || password.isEmpty()) {
            errors.rejectValue("password", "password.required");
        } else {
            policy.check(password, email).forEach(violation -> errors.rejectValue("password",
                    violation.messageKey(), new Object[] {PasswordPolicy.MIN_LENGTH, PasswordPolicy.MAX_LENGTH},
                    null));
        }
        if (passwordConfirmation == null || passwordConfirmation.isEmpty()) {
            errors.rejectValue("passwordConfirmation", "password.confirmation.required");
        } else if (!passwordConfirmation.equals(password)) {
            errors.rejectValue("passwordConfirmation", "password.confirmation.mismatch");
        }
    }
}
