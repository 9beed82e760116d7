package de.buergerkonto.authserver.authorization;

import java.util.HashMap;
import java.util.Map;

import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.BasicPolymorphicTypeValidator;
import tools.jackson.databind.module.SimpleModule;

import org.springframework.security.jackson.SecurityJacksonModules;

import de.buergerkonto.authserver.login.CitizenAuthentication;
import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * Reads and writes the parts of an authorization whose value types vary (attributes, token
 * metadata and claims) with Spring Security's Jackson modules. Those modules write the class
 * of each value and, on reading, accept only allowlisted classes; the citizen's login is added
 * to that allowlist here.
 */
final class AuthorizationJsonMapper {

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {
    };

    private final JsonMapper typed;

    AuthorizationJsonMapper() {
        BasicPolymorphicTypeValidator.Builder allowed = BasicPolymorphicTypeValidator.builder()
                // auth_time: epoch seconds, which Jackson writes with its type as a Long
                .allowIfSubType(Long.class)
                .allowIfSubType(CitizenAuthentication.class)
                .allowIfSubType(AssuranceLevel.class)
                .allowIfSubType(AuthenticationMethod.class);
        SimpleModule citizen = new SimpleModule("buergerkonto-citizen-authentication");
        citizen.setMixInAnnotation(CitizenAuthentication.class, CitizenAuthenticationMixin.class);
        this.typed = JsonMapper.builder()
                .addModules(SecurityJacksonModules.getModules(getClass().getClassLoader(), allowed))
                .addModule(citizen)
                .build();
    }

    JsonNode write(Map<String, Object> values) {
        // a HashMap is on Spring's allowlist; unmodifiable views of other kinds may not be
        return typed.readTree(typed.writeValueAsString(new HashMap<>(values)));
    }

    Map<String, Object> read(JsonNode values) {
        return typed.readValue(typed.writeValueAsString(values), MAP);
    }
}
