package de.buergerkonto.eidadapter.start;

/**
 * A further way to run the flow, offered on the start page next to the AusweisApp links; only
 * the simulated eID-Server contributes one (profile {@code eid-simulator}).
 */
public interface EidClientOption {

    /** Message key of the link text. */
    String labelKey();

    /** The link, given the session's tc-token URL. */
    String href(String tcTokenUrl);
}
