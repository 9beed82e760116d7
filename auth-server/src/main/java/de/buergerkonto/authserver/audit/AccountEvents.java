package de.buergerkonto.authserver.audit;

/**
 * Where changes to an account and security events are reported. Implementations receive the
 * internal account id and never personal data (no email, no name, no address, no code or secret).
 * Today they are log lines ({@link LoggingAccountEvents}); the audit log will implement this too.
 */
public interface AccountEvents {

    void record(AccountEvent event, String accountId);
}
