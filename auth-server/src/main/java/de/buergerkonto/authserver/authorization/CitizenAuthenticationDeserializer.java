package de.buergerkonto.authserver.authorization;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import tools.jackson.core.JsonParser;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ValueDeserializer;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/** Reads what {@link CitizenAuthenticationMixin} writes; a missing field fails the read. */
final class CitizenAuthenticationDeserializer extends ValueDeserializer<CitizenAuthentication> {

    @Override
    public CitizenAuthentication deserialize(JsonParser parser, DeserializationContext context) {
        JsonNode node = context.readTree(parser);
        List<AuthenticationMethod> methods = new ArrayList<>();
        for (JsonNode method : required(node, "methods", context)) {
            methods.add(context.readTreeAsValue(method, AuthenticationMethod.class));
        }
        return new CitizenAuthentication(
                required(node, "accountId", context).asString(),
                methods,
                context.readTreeAsValue(required(node, "authTime", context), Instant.class),
                context.readTreeAsValue(required(node, "level", context), AssuranceLevel.class));
    }

    private static JsonNode required(JsonNode node, String field, DeserializationContext context) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            context.reportInputMismatch(CitizenAuthentication.class, "stored login lacks '%s'", field);
        }
        return value;
    }
}
