package de.buergerkonto.authserver.account;

/** Whether an account may log in; admins lock and unlock. */
public enum AccountStatus {
    ACTIVE,
    LOCKED
}
