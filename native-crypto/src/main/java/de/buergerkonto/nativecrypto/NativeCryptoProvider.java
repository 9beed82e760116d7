package de.buergerkonto.nativecrypto;

import java.security.Security;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationStartingEvent;
import org.springframework.context.ApplicationListener;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

/**
 * Puts the Amazon Corretto Crypto Provider (AWS-LC, native) first among the JCA providers
 * before anything signs: an RS256 token signature (auth-server) then costs about a quarter of the
 * JDK's BigInteger implementation, which is most of a token request's CPU, and the gateway's
 * ES256 assertion a fraction of the JDK's P-256 arithmetic, which was most of a routed request's. Where the native library
 * cannot load (another OS or architecture), the JDK providers stay in charge: slower, equally
 * correct. Registered in {@code META-INF/spring.factories} so tests run with it too.
 */
public final class NativeCryptoProvider implements ApplicationListener<ApplicationStartingEvent> {

    private static final Logger log = LoggerFactory.getLogger(NativeCryptoProvider.class);

    @Override
    public void onApplicationEvent(ApplicationStartingEvent event) {
        install();
    }

    static synchronized void install() {
        AmazonCorrettoCryptoProvider provider = AmazonCorrettoCryptoProvider.INSTANCE;
        if (provider.getLoadingError() != null) {
            log.info("Native crypto provider not available on this platform; using the JDK's providers");
            return;
        }
        if (Security.getProvider(provider.getName()) == null) {
            AmazonCorrettoCryptoProvider.install();
            provider.assertHealthy();
        }
    }
}
