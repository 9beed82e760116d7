package de.buergerkonto.eidadapter.saml;

import org.opensaml.core.config.ConfigurationService;
import org.opensaml.core.config.InitializationException;
import org.opensaml.core.config.InitializationService;
import org.opensaml.core.xml.config.XMLObjectProviderRegistry;
import org.opensaml.xmlsec.config.DecryptionParserPool;

/**
 * Initializes OpenSAML ({@link InitializationService#initialize()}) once per JVM and installs
 * the {@link HardenedParserPool hardened parser pools} in its global configuration, so that every
 * parse OpenSAML does on our behalf (the decrypted assertion in particular) goes through them.
 *
 * <p>OpenSAML keeps its configuration in a JVM-wide registry ({@link ConfigurationService}); this
 * class keeps no flag of its own: the bootstrap is done exactly when that registry holds our
 * hardened pools. Calling {@link #initialize()} again is cheap and changes nothing.
 */
public final class OpenSamlBootstrap {

    private OpenSamlBootstrap() {
    }

    /**
     * Makes sure OpenSAML is initialized with the hardened parser pools.
     *
     * @return the parser pool for received messages, the one OpenSAML itself uses
     */
    public static HardenedParserPool initialize() {
        synchronized (ConfigurationService.class) {
            if (!isInitialized()) {
                try {
                    InitializationService.initialize();
                } catch (InitializationException e) {
                    throw new IllegalStateException("OpenSAML could not be initialized", e);
                }
                ConfigurationService.get(XMLObjectProviderRegistry.class)
                        .setParserPool(HardenedParserPool.forMessages());
                ConfigurationService.register(DecryptionParserPool.class,
                        new DecryptionParserPool(HardenedParserPool.forDecryption()));
            }
            return (HardenedParserPool) ConfigurationService.get(XMLObjectProviderRegistry.class).getParserPool();
        }
    }

    private static boolean isInitialized() {
        XMLObjectProviderRegistry registry = ConfigurationService.get(XMLObjectProviderRegistry.class);
        DecryptionParserPool decryption = ConfigurationService.get(DecryptionParserPool.class);
        return registry != null
                && registry.getParserPool() instanceof HardenedParserPool
                && decryption != null
                && decryption.getParserPool() instanceof HardenedParserPool;
    }
}
