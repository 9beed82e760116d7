package de.buergerkonto.demoservices.stadtnews;

import java.util.List;
import java.util.Set;

import org.springframework.context.annotation.Profile;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

import de.buergerkonto.demoservices.shared.Citizen;
import de.buergerkonto.demoservices.shared.CitizenPage;

/** Stadt-App news (basic): the news on the topics the citizen follows, and the form to choose them. */
@Controller
@CitizenPage
@Profile("stadt-news")
@RequestMapping("/stadt-news")
class NewsController {

    private final CityNews news;
    private final NewsPreferences preferences;

    NewsController(CityNews news, NewsPreferences preferences) {
        this.news = news;
        this.preferences = preferences;
    }

    @GetMapping("/")
    String page(@ModelAttribute("citizen") Citizen citizen, Model model) {
        Set<NewsTopic> followed = preferences.of(citizen.subject());
        model.addAttribute("topics", NewsTopic.values());
        model.addAttribute("followed", followed);
        model.addAttribute("items", news.on(followed));
        return "stadt-news";
    }

    @PostMapping("/topics")
    String follow(@ModelAttribute("citizen") Citizen citizen,
            @RequestParam(name = "topic", required = false) List<NewsTopic> topics, @ModelAttribute("lang") String lang) {
        preferences.follow(citizen.subject(), topics == null ? Set.of() : Set.copyOf(topics));
        return "redirect:/stadt-news/?lang=" + lang;
    }
}
