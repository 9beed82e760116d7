package de.buergerkonto.eidadapter.response;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.opensaml.saml.saml2.core.Assertion;
import org.opensaml.saml.saml2.core.AudienceRestriction;
import org.opensaml.saml.saml2.core.AuthnStatement;
import org.opensaml.saml.saml2.core.Condition;
import org.opensaml.saml.saml2.core.Conditions;
import org.opensaml.saml.saml2.core.OneTimeUse;
import org.opensaml.saml.saml2.core.Response;
import org.opensaml.saml.saml2.core.SubjectConfirmation;
import org.opensaml.saml.saml2.core.SubjectConfirmationData;

import de.buergerkonto.eidadapter.identity.AttributeMappingException;
import de.buergerkonto.eidadapter.identity.DocumentValidity;
import de.buergerkonto.eidadapter.identity.EidAttributeMapper;
import de.buergerkonto.eidadapter.identity.EidIdentity;
import de.buergerkonto.eidadapter.replay.AssertionReplayCache;
import de.buergerkonto.eidadapter.replay.ReplayCacheUnavailableException;

/**
 * Steps 11 to 15 of {@link EidResponseValidator}, on the decrypted assertion: audience,
 * recipient, time window, one-time use, attributes (SAML 2.0 core 2.5, profiles 4.1.4).
 */
final class AssertionValidator {

    private final EidResponseSettings settings;
    private final AssertionReplayCache replayCache;
    private final TimeWindow timeWindow;
    private final EidAttributeMapper attributeMapper = new EidAttributeMapper();

    AssertionValidator(EidResponseSettings settings, AssertionReplayCache replayCache) {
        this.settings = settings;
        this.replayCache = replayCache;
        this.timeWindow = new TimeWindow(settings.clockSkew());
    }

    EidIdentity validate(Assertion assertion, Response response, ExpectedResponse expected, Instant now)
            throws EidResponseException {
        Conditions conditions = checkConditions(assertion);
        SubjectConfirmationData confirmation = checkRecipient(assertion, expected);
        checkTimeWindow(response, assertion, conditions, confirmation, now);
        checkOneTimeUse(assertion, conditions, confirmation, now);
        return mapAttributes(assertion);
    }

    /**
     * Step 11: every AudienceRestriction must name us (core 2.5.1.4), and there must be one;
     * a condition we do not know makes the assertion invalid (core 2.5.1.1: "Indeterminate").
     */
    private Conditions checkConditions(Assertion assertion) throws EidResponseException {
        Conditions conditions = assertion.getConditions();
        if (conditions == null || conditions.getAudienceRestrictions().isEmpty()) {
            throw new EidResponseException(EidError.AUDIENCE_MISMATCH, "no audience restriction");
        }
        for (AudienceRestriction restriction : conditions.getAudienceRestrictions()) {
            boolean namesUs = restriction.getAudiences().stream()
                    .anyMatch(audience -> settings.serviceProviderEntityId().equals(audience.getURI()));
            if (!namesUs) {
                throw new EidResponseException(EidError.AUDIENCE_MISMATCH, null);
            }
        }
        for (Condition condition : conditions.getConditions()) {
            if (!(condition instanceof AudienceRestriction) && !(condition instanceof OneTimeUse)) {
                throw new EidResponseException(EidError.UNSUPPORTED_CONDITION,
                        condition.getElementQName().getLocalPart());
            }
        }
        return conditions;
    }

    /**
     * Step 12: a bearer confirmation for our ACS URL answering our request (profiles 4.1.4.2),
     * with the NotOnOrAfter that bounds how long the assertion may be used.
     */
    private SubjectConfirmationData checkRecipient(Assertion assertion, ExpectedResponse expected)
            throws EidResponseException {
        List<SubjectConfirmation> confirmations = assertion.getSubject() == null
                ? List.of() : assertion.getSubject().getSubjectConfirmations();
        for (SubjectConfirmation confirmation : confirmations) {
            SubjectConfirmationData data = confirmation.getSubjectConfirmationData();
            if (SubjectConfirmation.METHOD_BEARER.equals(confirmation.getMethod())
                    && data != null
                    && settings.assertionConsumerUrl().equals(data.getRecipient())
                    && (data.getInResponseTo() == null || expected.requestId().equals(data.getInResponseTo()))) {
                if (data.getNotOnOrAfter() == null) {
                    throw new EidResponseException(EidError.MALFORMED, "bearer confirmation without NotOnOrAfter");
                }
                return data;
            }
        }
        throw new EidResponseException(EidError.RECIPIENT_MISMATCH, null);
    }

    /** Step 13: every instant, each edge widened by the skew. */
    private void checkTimeWindow(Response response, Assertion assertion, Conditions conditions,
            SubjectConfirmationData confirmation, Instant now) throws EidResponseException {
        timeWindow.requireStarted(response.getIssueInstant(), now, "Response IssueInstant");
        timeWindow.requireStarted(assertion.getIssueInstant(), now, "Assertion IssueInstant");
        timeWindow.requireStarted(conditions.getNotBefore(), now, "Conditions NotBefore");
        timeWindow.requireStarted(confirmation.getNotBefore(), now, "SubjectConfirmationData NotBefore");
        timeWindow.requireNotEnded(conditions.getNotOnOrAfter(), now, "Conditions NotOnOrAfter");
        timeWindow.requireNotEnded(confirmation.getNotOnOrAfter(), now, "SubjectConfirmationData NotOnOrAfter");
    }

    /**
     * Step 14: remembered until it could no longer pass step 13 anyway. Every assertion, not
     * only those marked {@code OneTimeUse}: bearer assertions must never be replayed.
     */
    private void checkOneTimeUse(Assertion assertion, Conditions conditions, SubjectConfirmationData confirmation,
            Instant now) throws EidResponseException {
        Instant end = confirmation.getNotOnOrAfter();
        if (conditions.getNotOnOrAfter() != null && conditions.getNotOnOrAfter().isAfter(end)) {
            end = conditions.getNotOnOrAfter();
        }
        Duration keepFor = Duration.between(now, timeWindow.acceptableUntil(end));
        try {
            if (!replayCache.firstUse(settings.eidServerEntityId(), assertion.getID(), keepFor)) {
                throw new EidResponseException(EidError.REPLAYED, null);
            }
        } catch (ReplayCacheUnavailableException e) {
            throw new EidResponseException(EidError.REPLAY_CHECK_UNAVAILABLE, null, e);
        }
    }

    /** Step 15: the attributes, and the document's validity. */
    private EidIdentity mapAttributes(Assertion assertion) throws EidResponseException {
        if (assertion.getAuthnStatements().size() != 1 || assertion.getAuthnStatements().get(0).getAuthnInstant() == null) {
            throw new EidResponseException(EidError.MALFORMED, "not exactly one AuthnStatement");
        }
        AuthnStatement authnStatement = assertion.getAuthnStatements().get(0);
        EidIdentity identity;
        try {
            identity = attributeMapper.map(assertion, authnStatement.getAuthnInstant());
        } catch (AttributeMappingException e) {
            EidError error = e.problem() == AttributeMappingException.Problem.MISSING
                    ? EidError.ATTRIBUTE_MISSING : EidError.ATTRIBUTE_MALFORMED;
            throw new EidResponseException(error, e.getMessage(), e);
        }
        DocumentValidity validity = identity.documentValidity();
        if (!validity.isValid()) {
            EidStatusReason reason = switch (validity.status()) {
                case EXPIRED -> EidStatusReason.CARD_EXPIRED;
                case REVOKED -> EidStatusReason.CARD_REVOKED;
                default -> EidStatusReason.DOCUMENT_NOT_VALID;
            };
            throw new EidResponseException(EidError.DOCUMENT_NOT_VALID, reason, null, null);
        }
        return identity;
    }
}
