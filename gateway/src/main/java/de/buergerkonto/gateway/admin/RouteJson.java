package de.buergerkonto.gateway.admin;

import java.net.URI;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;

import org.springframework.boot.convert.DurationStyle;

import de.buergerkonto.gateway.GatewayProperties.ServiceRoute;
import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A service route as JSON, in the admin API and in Redis: {@code id}, {@code path}, {@code host},
 * {@code uri}, {@code level} (any accepted form in, the short name out), {@code scopes},
 * {@code max_age} (seconds, or a duration like {@code "15m"}), {@code audiences}, {@code attributes}.
 * Read routes are validated with the same rules as the configuration.
 */
final class RouteJson {

    private RouteJson() {
    }

    static Map<String, Object> write(ServiceRoute route) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", route.id());
        json.put("path", route.path());
        if (route.host() != null) {
            json.put("host", route.host());
        }
        json.put("uri", route.uri().toString());
        json.put("level", route.level().shortName());
        json.put("scopes", route.scopes());
        if (route.maxAge() != null) {
            json.put("max_age", route.maxAge().toSeconds());
        }
        json.put("audiences", route.audiences());
        json.put("attributes", route.attributes());
        return json;
    }

    /** The route in {@code json}, or the reasons it is not one. */
    static Result read(Map<String, Object> json, Validator validator) {
        Set<String> problems = new TreeSet<>();
        Optional<AssuranceLevel> level = AssuranceLevel.parse(string(json.get("level")));
        if (level.isEmpty()) {
            problems.add("level: must be basic, low, substantial, high, an eIDAS LoA URI or STORK-QAA-Level-1..4");
        }
        Duration maxAge = null;
        Object age = json.get("max_age");
        try {
            maxAge = age == null ? null : age instanceof Number seconds ? Duration.ofSeconds(seconds.longValue())
                    : DurationStyle.detectAndParse(age.toString());
        }
        catch (DateTimeParseException | IllegalArgumentException unreadable) {
            problems.add("max_age: must be seconds or a duration like 15m");
        }
        URI uri = null;
        try {
            uri = json.get("uri") == null ? null : URI.create(json.get("uri").toString());
            if (uri != null && (!uri.isAbsolute() || !List.of("http", "https").contains(uri.getScheme()))) {
                problems.add("uri: must be an absolute http or https URI");
            }
        }
        catch (IllegalArgumentException unreadable) {
            problems.add("uri: must be an absolute http or https URI");
        }
        if (!problems.isEmpty()) {
            return new Result(null, problems);
        }
        ServiceRoute route = new ServiceRoute(string(json.get("id")), string(json.get("path")), string(json.get("host")), uri,
                level.get(), strings(json.get("scopes")), maxAge, strings(json.get("audiences")), strings(json.get("attributes")));
        for (ConstraintViolation<ServiceRoute> violation : validator.validate(route)) {
            problems.add(violation.getPropertyPath() + ": " + violation.getMessage());
        }
        return problems.isEmpty() ? new Result(route, Set.of()) : new Result(null, problems);
    }

    record Result(ServiceRoute route, Set<String> problems) {
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    private static List<String> strings(Object value) {
        if (value instanceof Collection<?> items) {
            return items.stream().map(String::valueOf).toList();
        }
        return value == null ? List.of() : List.of(value.toString());
    }
}
