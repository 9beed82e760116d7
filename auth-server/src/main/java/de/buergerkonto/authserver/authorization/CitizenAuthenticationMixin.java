package de.buergerkonto.authserver.authorization;

import java.time.Instant;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonTypeInfo;
import tools.jackson.databind.annotation.JsonDeserialize;

import de.buergerkonto.trustlevel.AssuranceLevel;
import de.buergerkonto.trustlevel.AuthenticationMethod;

/**
 * How a {@link de.buergerkonto.authserver.login.CitizenAuthentication} is stored inside an
 * authorization: account, methods, time and level only. Request details (address, session id)
 * are left out on purpose; tokens need none of them.
 */
@JsonTypeInfo(use = JsonTypeInfo.Id.CLASS)
@JsonAutoDetect(fieldVisibility = JsonAutoDetect.Visibility.NONE, getterVisibility = JsonAutoDetect.Visibility.NONE,
        isGetterVisibility = JsonAutoDetect.Visibility.NONE, setterVisibility = JsonAutoDetect.Visibility.NONE)
@JsonDeserialize(using = CitizenAuthenticationDeserializer.class)
abstract class CitizenAuthenticationMixin {

    @JsonProperty("accountId")
    abstract String accountId();

    // a plain array: no collection class is written, so none has to be trusted when reading
    @JsonProperty("methods")
    @JsonTypeInfo(use = JsonTypeInfo.Id.NONE)
    abstract List<AuthenticationMethod> methods();

    @JsonProperty("authTime")
    abstract Instant authTime();

    @JsonProperty("level")
    abstract AssuranceLevel level();
}
