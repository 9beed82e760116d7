package de.buergerkonto.nativecrypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;

import org.junit.jupiter.api.Test;

import com.amazon.corretto.crypto.provider.AmazonCorrettoCryptoProvider;

class NativeCryptoProviderTest {

    @Test
    void installWhenNativeLibraryLoadsThenRs256SignaturesComeFromItAndVerifyWithTheJdk() throws Exception {
        assumeTrue(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null, "linux-x86_64 only");
        NativeCryptoProvider.install();
        NativeCryptoProvider.install();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        KeyPair keys = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withRSA");
        signer.initSign(keys.getPrivate());
        signer.update("header.payload".getBytes());
        byte[] signature = signer.sign();

        assertThat(signer.getProvider().getName()).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
        Signature verifier = Signature.getInstance("SHA256withRSA", "SunRsaSign");
        verifier.initVerify(keys.getPublic());
        verifier.update("header.payload".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }

    @Test
    void installWhenNativeLibraryLoadsThenEs256SignaturesComeFromItAndVerifyWithTheJdk() throws Exception {
        assumeTrue(AmazonCorrettoCryptoProvider.INSTANCE.getLoadingError() == null, "linux-x86_64 only");
        NativeCryptoProvider.install();

        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC", "SunEC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        KeyPair keys = generator.generateKeyPair();
        Signature signer = Signature.getInstance("SHA256withECDSA");
        signer.initSign(keys.getPrivate());
        signer.update("header.payload".getBytes());
        byte[] signature = signer.sign();

        assertThat(signer.getProvider().getName()).isEqualTo(AmazonCorrettoCryptoProvider.PROVIDER_NAME);
        Signature verifier = Signature.getInstance("SHA256withECDSA", "SunEC");
        verifier.initVerify(keys.getPublic());
        verifier.update("header.payload".getBytes());
        assertThat(verifier.verify(signature)).isTrue();
    }
}
