package io.testgen.worker.requirements;

import static io.testgen.common.agents.observation.ObservationIndex.orEmpty;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.FUNCTIONAL;
import static io.testgen.common.agents.requirements.ScenarioVocabulary.HIGH;
import static io.testgen.worker.requirements.Scenarios.pageName;
import static io.testgen.worker.requirements.Scenarios.shorten;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.SignOut;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.common.url.UrlParts;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code REQ-LOGOUT-LINK-<n>}: a link that signs out ("Log out", {@code /logout}) ends the session.
 * Exploration never follows it (it would sign the crawl out); a test does, in its own session, and
 * learns what the app then shows. One scenario per target path, from the first state that offers it
 * (a page reached by its address before one reached by actions, an app page before an error page);
 * the link in every page's header is one feature. Sign-out forms are {@link FormRule}'s.
 */
final class LogoutLinkRule implements ScenarioRule {
  static final int MAX_TOTAL = 2;

  /** A state and the sign-out link on it. */
  private record Offer(StateInfo state, ElementInfo link) {}

  @Override
  public List<Scenario> derive(RuleInput input) {
    Map<String, Offer> byTarget = new LinkedHashMap<>();
    input.index().states().stream()
        .filter(s -> s.url() != null)
        .sorted(Comparator.comparingInt(LogoutLinkRule::reach))
        .forEach(
            state -> {
              for (ElementInfo link : orEmpty(state.links()))
                if (link.href() != null
                    && SignOut.control(link)
                    && !orEmpty(link.locators()).isEmpty())
                  byTarget.putIfAbsent(target(link.href()), new Offer(state, link));
            });
    List<Scenario> scenarios = new ArrayList<>();
    for (Offer offer : byTarget.values()) {
      if (scenarios.size() >= MAX_TOTAL) break;
      scenarios.add(scenario(offer, scenarios.size() + 1));
    }
    return scenarios;
  }

  /** Lower is better: by address, then an app page, then the crawl's order (a stable sort). */
  private static int reach(StateInfo state) {
    int byActions = orEmpty(state.path()).isEmpty() ? 0 : 2;
    int error = state.httpStatus() != null && state.httpStatus() >= 400 ? 1 : 0;
    return byActions + error;
  }

  private static String target(String href) {
    return UrlParts.parse(href).map(UrlParts::path).orElse(href);
  }

  private static Scenario scenario(Offer offer, int n) {
    String words = Scenarios.words(offer.link());
    String control =
        words == null || words.isBlank() ? "the sign-out link" : "'" + shorten(words.trim()) + "'";
    Map<String, String> data = new LinkedHashMap<>();
    data.put("start_url", offer.state().url());
    data.put("target_url", offer.link().href());
    return Scenarios.of(
        "REQ-LOGOUT-LINK-" + n,
        shorten("Signing out with the link " + control + " ends the session"),
        List.of("the user is on " + pageName(offer.state())),
        List.of("the user follows " + control),
        List.of("the app shows that the user is signed out"),
        HIGH,
        FUNCTIONAL,
        List.of("link", "logout", "session"),
        data,
        new Evidence(
            List.of(offer.state().stateId()), List.of(), List.of(offer.link().elementId())),
        false);
  }
}
