package de.buergerkonto.authserver.audit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Account events as structured log lines: the event and the account id as key-value pairs (picked
 * up as fields by Spring Boot's structured logging, e.g. {@code logging.structured.format.console=ecs})
 * and repeated in the message for the plain console format.
 */
@Component
final class LoggingAccountEvents implements AccountEvents {

    private static final Logger log = LoggerFactory.getLogger("buergerkonto.account-events");

    @Override
    public void record(AccountEvent event, String accountId) {
        log.atInfo()
                .addKeyValue("event", event.code())
                .addKeyValue("account", accountId)
                .log("account event {} account={}", event.code(), accountId);
    }
}
