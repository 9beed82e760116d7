package de.buergerkonto.eidadapter.config;

import java.time.Clock;

import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

import de.buergerkonto.eidadapter.citizen.SecurityHeadersFilter;
import de.buergerkonto.eidhandover.EidHandoverTokenWriter;
import de.buergerkonto.eidhandover.HandoverRecipientKey;
import de.buergerkonto.eidhandover.JwksRecipientKey;
import de.buergerkonto.eidhandover.StaticRecipientKey;
import de.buergerkonto.eidadapter.metadata.ServiceProviderMetadata;
import de.buergerkonto.eidadapter.request.AuthnRequestFactory;
import de.buergerkonto.eidadapter.session.EidSessionStore;
import de.buergerkonto.eidadapter.session.SessionCookie;
import de.buergerkonto.eidadapter.start.ReturnUrlAllowlist;
import io.lettuce.core.api.StatefulRedisConnection;

/** The beans of the web flow: start, tc-token, assertion consumer, metadata, handover. */
@Configuration(proxyBeanMethods = false)
class EidFlowConfig {

    @Bean
    EidSessionStore eidSessionStore(StatefulRedisConnection<String, String> eidRedisConnection,
            EidAdapterProperties properties, Clock clock) {
        return new EidSessionStore(eidRedisConnection, properties.sessionTtl(), clock);
    }

    @Bean
    SessionCookie sessionCookie(PublicUrls urls, EidAdapterProperties properties) {
        return new SessionCookie(urls.isHttps(), properties.sessionTtl());
    }

    @Bean
    ReturnUrlAllowlist returnUrlAllowlist(EidAdapterProperties properties) {
        return new ReturnUrlAllowlist(properties.handover().returnUrls());
    }

    @Bean
    AuthnRequestFactory authnRequestFactory(EidAdapterProperties properties, EidKeyMaterial keys, PublicUrls urls,
            Clock clock) {
        return new AuthnRequestFactory(properties.serviceProvider().entityId(), urls.assertionConsumerUrl(),
                properties.eidServer().ssoUrl().toString(), properties.request(), keys.spSigningKey(), clock);
    }

    @Bean
    ServiceProviderMetadata serviceProviderMetadata(EidAdapterProperties properties, EidKeyMaterial keys,
            PublicUrls urls) {
        return new ServiceProviderMetadata(properties.serviceProvider().entityId(), urls.assertionConsumerUrl(),
                keys.spSigningCertificate(), keys.spDecryptionCertificate());
    }

    @Bean
    HandoverRecipientKey handoverRecipientKey(EidAdapterProperties properties, EidKeyMaterial keys) {
        EidAdapterProperties.Handover handover = properties.handover();
        return keys.handoverRecipientCertificate()
                .<HandoverRecipientKey>map(StaticRecipientKey::new)
                .orElseGet(() -> new JwksRecipientKey(handover.recipientJwksUrl(), handover.recipientJwksTimeout()));
    }

    /** The token's issuer is our SAML entity ID: one name for the adapter everywhere. */
    @Bean
    EidHandoverTokenWriter eidHandoverTokenWriter(EidAdapterProperties properties, EidKeyMaterial keys,
            HandoverRecipientKey recipient, Clock clock) {
        EidAdapterProperties.Handover handover = properties.handover();
        return new EidHandoverTokenWriter(properties.serviceProvider().entityId(), handover.audience(),
                keys.handoverSigningKey(), keys.handoverSigningCertificate(), recipient, handover.tokenLifetime(), clock);
    }

    @Bean
    FilterRegistrationBean<SecurityHeadersFilter> securityHeadersFilter(EidAdapterProperties properties) {
        FilterRegistrationBean<SecurityHeadersFilter> registration =
                new FilterRegistrationBean<>(new SecurityHeadersFilter(properties.handover().returnUrls()));
        registration.addUrlPatterns("/*");
        return registration;
    }
}
