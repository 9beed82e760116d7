package de.buergerkonto.gateway.policy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import org.springframework.boot.convert.DurationStyle;

import de.buergerkonto.trustlevel.AssuranceLevel;

/**
 * A route's access policy in its metadata, under {@value #KEY}: the typed {@link RoutePolicy} that
 * the configured service routes carry, or, for routes declared in YAML, a map with {@code level},
 * {@code scopes}, {@code max-age} and {@code audiences}.
 *
 * <p>Anything else under the key, or a map with an unknown level, no audiences or an unreadable
 * age, is no policy at all: {@link #read} is empty and the route denies every request.
 */
public final class RoutePolicyMetadata {

    /** The metadata key of a route's policy. */
    public static final String KEY = "buergerkonto-policy";

    /** The metadata key of the claims a route releases to its upstream (a list of names). */
    public static final String ATTRIBUTES_KEY = "buergerkonto-attributes";

    private RoutePolicyMetadata() {
    }

    public static Map<String, Object> of(RoutePolicy policy) {
        return Map.of(KEY, policy);
    }

    public static Map<String, Object> of(RoutePolicy policy, List<String> attributes) {
        return Map.of(KEY, policy, ATTRIBUTES_KEY, List.copyOf(attributes));
    }

    /** The claims the route releases; none when the metadata names none. */
    public static List<String> attributes(Map<String, Object> metadata) {
        Object value = metadata == null ? null : metadata.get(ATTRIBUTES_KEY);
        return value == null ? List.of() : List.copyOf(words(value));
    }

    /** The policy in {@code metadata}, or empty when there is none that can be read. */
    public static Optional<RoutePolicy> read(Map<String, Object> metadata) {
        Object value = metadata == null ? null : metadata.get(KEY);
        if (value instanceof RoutePolicy policy) {
            return Optional.of(policy);
        }
        if (value instanceof Map<?, ?> map) {
            return fromMap(map);
        }
        return Optional.empty();
    }

    private static Optional<RoutePolicy> fromMap(Map<?, ?> map) {
        Optional<AssuranceLevel> level = AssuranceLevel.parse(string(map.get("level")));
        Set<String> audiences = words(map.get("audiences"));
        if (level.isEmpty() || audiences.isEmpty()) {
            return Optional.empty();
        }
        try {
            Object maxAge = map.get("max-age");
            Duration age = maxAge == null ? null : DurationStyle.detectAndParse(string(maxAge));
            return Optional.of(new RoutePolicy(level.get(), words(map.get("scopes")), age, audiences));
        }
        catch (DateTimeParseException | IllegalArgumentException unreadable) {
            return Optional.empty();
        }
    }

    private static String string(Object value) {
        return value == null ? null : value.toString();
    }

    /** A list, a map of list items as YAML binds them ({@code 0: a, 1: b}), or one space-separated string. */
    static Set<String> words(Object value) {
        Collection<?> items;
        if (value instanceof Collection<?> collection) {
            items = collection;
        }
        else if (value instanceof Map<?, ?> indexed) {
            items = indexed.values();
        }
        else if (value == null) {
            items = List.of();
        }
        else {
            items = List.of(value);
        }
        return items.stream().map(String::valueOf).flatMap(item -> Arrays.stream(item.trim().split("[\\s,]+")))
                .filter(word -> !word.isEmpty()).collect(Collectors.toUnmodifiableSet());
    }
}
