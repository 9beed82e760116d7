package de.buergerkonto.demoservices.epayment;

import java.math.BigDecimal;

/** The fees the demo lets a citizen pay; the name is {@code payment.fee.<key>}. */
enum Fee {
    PARKING_PERMIT("parking-permit", new BigDecimal("30.00")),
    DOG_TAX("dog-tax", new BigDecimal("96.00")),
    CERTIFICATE_OF_CONDUCT("certificate-of-conduct", new BigDecimal("13.00"));

    private final String key;
    private final BigDecimal amount;

    Fee(String key, BigDecimal amount) {
        this.key = key;
        this.amount = amount;
    }

    public String key() {
        return key;
    }

    /** In euros. */
    public BigDecimal amount() {
        return amount;
    }
}
