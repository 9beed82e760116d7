package de.buergerkonto.demoservices.stadtnews;

import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.springframework.stereotype.Component;

/**
 * The topics each citizen follows, keyed by the pairwise subject this service sees. Kept in memory:
 * a demo service holds nothing worth keeping across restarts; a new citizen follows every topic.
 */
@Component
class NewsPreferences {

    private final Map<String, Set<NewsTopic>> topics = new ConcurrentHashMap<>();

    Set<NewsTopic> of(String subject) {
        return topics.getOrDefault(subject, EnumSet.allOf(NewsTopic.class));
    }

    void follow(String subject, Set<NewsTopic> chosen) {
        topics.put(subject, chosen.isEmpty() ? EnumSet.noneOf(NewsTopic.class) : EnumSet.copyOf(chosen));
    }
}
