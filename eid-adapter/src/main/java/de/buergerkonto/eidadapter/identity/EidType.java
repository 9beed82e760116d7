package de.buergerkonto.eidadapter.identity;

import java.util.Arrays;
import java.util.Optional;

/**
 * The kind of eID that was used ({@code EIDType}, TR-03130): the physical card, or one of the
 * Smart-eID forms on a phone. Smart-eID reaches "substantial", the card "high": the level itself
 * comes from {@code LevelOfAssurance}; this tells which means produced it.
 */
public enum EidType {
    CARD_CERTIFIED("CardCertified"),
    SE_CERTIFIED("SECertified"),
    SE_ENDORSED("SEEndorsed"),
    HW_KEY_STORE("HWKeyStore");

    private final String elementName;

    EidType(String elementName) {
        this.elementName = elementName;
    }

    static Optional<EidType> fromElementName(String name) {
        return Arrays.stream(values()).filter(type -> type.elementName.equals(name)).findFirst();
    }
}
