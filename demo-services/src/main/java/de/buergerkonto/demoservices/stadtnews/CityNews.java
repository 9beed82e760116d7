package de.buergerkonto.demoservices.stadtnews;

import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

import org.springframework.stereotype.Component;

/** The city's news of the demo: a fixed list, texts in the message bundle ({@code news.item.<key>.*}). */
@Component
class CityNews {

    /** One news item; its title and text are {@code news.item.<key>.title} and {@code .text}. */
    record Item(String key, NewsTopic topic, LocalDate published) {
    }

    private static final List<Item> ITEMS = List.of(
            new Item("bridge", NewsTopic.TRAFFIC, LocalDate.of(2026, 11, 27)),
            new Item("museum", NewsTopic.CULTURE, LocalDate.of(2026, 11, 26)),
            new Item("trees", NewsTopic.ENVIRONMENT, LocalDate.of(2026, 11, 25)),
            new Item("budget", NewsTopic.COUNCIL, LocalDate.of(2026, 11, 24)),
            new Item("bus", NewsTopic.TRAFFIC, LocalDate.of(2026, 11, 23)),
            new Item("market", NewsTopic.CULTURE, LocalDate.of(2026, 11, 20)));

    /** The items on the given topics, newest first. */
    List<Item> on(Set<NewsTopic> topics) {
        return ITEMS.stream().filter(item -> topics.contains(item.topic()))
                .sorted(Comparator.comparing(Item::published).reversed()).toList();
    }
}
