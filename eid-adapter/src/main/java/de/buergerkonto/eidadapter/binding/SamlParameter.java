package de.buergerkonto.eidadapter.binding;

/** The query parameter that carries the SAML message (SAML 2.0 bindings, 3.4.4). */
public enum SamlParameter {

    SAML_REQUEST("SAMLRequest"),
    SAML_RESPONSE("SAMLResponse");

    private final String parameterName;

    SamlParameter(String parameterName) {
        this.parameterName = parameterName;
    }

    public String parameterName() {
        return parameterName;
    }
}
