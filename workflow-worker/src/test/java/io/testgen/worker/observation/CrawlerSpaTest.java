package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawlFresh;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.observation.Transition;
import io.testgen.testkit.sites.observation.SpaSite;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** A single-page app: hash routes, and states that appear without any navigation. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerSpaTest {

  @Test
  void findsHashRoutesAndInPageStatesAndHowToReachThem() {
    ObservationResult result = crawlFresh(SpaSite::install, "wf-spa", 2, 20);
    StateInfo home = stateAt(result, "/");
    StateInfo todos = stateAt(result, "/#/todos");
    StateInfo settings = stateAt(result, "/#/settings");
    assertThat(home.instanceUrls()).hasSize(2); // "/" and "/#/" render the same view
    assertThat(todos.headings()).extracting(h -> h.text()).containsExactly("Todos");

    StateInfo withItem = byPath(result, "press Enter in 'New todo'");
    assertThat(withItem.url()).isEqualTo(todos.url());
    assertThat(withItem.httpStatus()).isNull();
    ElementInfo input = element(todos.inputs(), "New todo");
    ElementInfo add = element(todos.buttons(), "Add todo");
    assertThat(result.transitions())
        .contains(
            new Transition(
                todos.stateId(),
                withItem.stateId(),
                "press_enter",
                input.elementId(),
                "press Enter in 'New todo'"),
            new Transition(
                todos.stateId(), withItem.stateId(), "click", add.elementId(), "click 'Add todo'"));

    StateInfo notifications = byPath(result, "click 'Notifications'");
    StateInfo advanced = byPath(result, "click 'Show advanced'");
    StateInfo help = byPath(result, "click 'Open help'");
    assertThat(
            List.of(
                notifications.stateId(), advanced.stateId(), help.stateId(), settings.stateId()))
        .doesNotHaveDuplicates();
    assertThat(advanced.headings()).extracting(h -> h.text()).contains("Advanced");
    assertThat(help.headings()).extracting(h -> h.text()).contains("Help");
    assertThat(notifications.depth()).isEqualTo(settings.depth() + 1);
    ElementInfo tab = element(settings.buttons(), "Notifications");
    assertThat(tab.role()).isEqualTo("tab");
    assertThat(tab.locators().get(0))
        .isEqualTo(io.testgen.common.agents.observation.Locator.role("tab", "Notifications", true));
    ElementInfo close = element(help.buttons(), "Close");
    assertThat(result.transitions())
        .contains(
            new Transition(
                settings.stateId(),
                notifications.stateId(),
                "click",
                tab.elementId(),
                "click 'Notifications'"),
            new Transition(
                help.stateId(), settings.stateId(), "click", close.elementId(), "click 'Close'"));
    assertThat(result.findings())
        .contains(
            new io.testgen.common.agents.observation.Finding(
                "console_error", settings.url(), null, "settings: no API endpoint configured"));
    // one document: every state lives at the app's URL, none was a page load of its own
    assertThat(result.states()).allMatch(s -> s.url().startsWith(home.url()));
  }

  private static StateInfo byPath(ObservationResult result, String... path) {
    return result.states().stream()
        .filter(s -> s.path().equals(List.of(path)))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no state reached by "
                        + List.of(path)
                        + " in "
                        + result.states().stream().map(StateInfo::path).toList()));
  }

  static ElementInfo element(List<ElementInfo> elements, String name) {
    return elements.stream()
        .filter(e -> name.equals(e.name()))
        .findFirst()
        .orElseThrow(
            () ->
                new AssertionError(
                    "no element "
                        + name
                        + " in "
                        + elements.stream().map(ElementInfo::name).toList()));
  }
}
