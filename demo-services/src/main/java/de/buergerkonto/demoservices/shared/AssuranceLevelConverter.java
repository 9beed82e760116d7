package de.buergerkonto.demoservices.shared;

import org.springframework.boot.context.properties.ConfigurationPropertiesBinding;
import org.springframework.core.convert.converter.Converter;
import org.springframework.stereotype.Component;

import de.buergerkonto.trustlevel.AssuranceLevel;

/** Binds {@code level: substantial} (any accepted form); an unknown level fails the startup naming the forms. */
@Component
@ConfigurationPropertiesBinding
final class AssuranceLevelConverter implements Converter<String, AssuranceLevel> {

    @Override
    public AssuranceLevel convert(String source) {
        return AssuranceLevel.require(source);
    }
}
