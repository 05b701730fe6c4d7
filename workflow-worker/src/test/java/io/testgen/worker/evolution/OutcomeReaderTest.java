package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A live run's outcome is read once what the action started is over: a search-as-you-type field
 * that waits 250 ms after the last key before it asks a server that takes 400 ms, then renders the
 * answer and fetches its details (another slow request); the reader sees the details, and the page
 * shows nothing of them before. A page that keeps polling is read all the same.
 */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class OutcomeReaderTest {

  static final String SEARCH_PAGE =
      """
      <!doctype html><title>Find</title><h1>Find a person</h1>
      <label>Name <input id="q"></label><ul id="hits"></ul><p id="details"></p>
      <script>
        let timer;
        document.getElementById('q').addEventListener('input', (e) => {
          clearTimeout(timer);
          timer = setTimeout(async () => {
            const hit = await (await fetch('/api/find?q=' + encodeURIComponent(e.target.value))).text();
            const li = document.createElement('li');
            li.textContent = hit;
            document.getElementById('hits').append(li);
            const more = await (await fetch('/api/details')).text();
            document.getElementById('details').textContent = more;
          }, 250);
        });
      </script>
      """;

  static final String POLLING_PAGE =
      """
      <!doctype html><title>Poll</title><h1>Poll</h1><button id="go">Go</button><p id="out"></p>
      <script>
        document.getElementById('go').addEventListener('click', () => {
          document.getElementById('out').textContent = 'Went somewhere';
          setInterval(() => fetch('/api/details'), 100);
        });
      </script>
      """;

  FixtureServer site;
  TestExecutor executor;

  @BeforeEach
  void start() {
    site = FixtureServer.start();
    site.get("/find", r -> FixtureResponse.html(SEARCH_PAGE))
        .get("/poll", r -> FixtureResponse.html(POLLING_PAGE))
        .get("/api/find", r -> slowly("Ada Lovelace matches " + r.param("q")))
        .get("/api/details", r -> slowly("Born in London in 1815"));
    executor = Executors.on(site);
  }

  private static FixtureResponse slowly(String text) {
    try {
      Thread.sleep(400);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
    return FixtureResponse.text(200, text);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  private LiveOutcome read(TestStep... steps) {
    GeneratedTest test =
        new GeneratedTest(
            "t", "t", "t", "high", List.of(steps), "candidate", 0, 0, 0, List.of(), null);
    OutcomeReader reader = new OutcomeReader(steps.length - 1, false);
    RunOutcome run = executor.run(test, null, null, reader);
    assertThat(run.passed()).as(run.error()).isTrue();
    return reader.outcome(run);
  }

  @Test
  void aDebouncedSlowSearchIsReadWhenItsAnswerAndItsDetailsHaveRendered() {
    LiveOutcome outcome =
        read(
            Steps.goTo("/find"),
            Steps.fill(List.of(Locator.role("textbox", "Name", true)), "ada", null, "'Name'"));
    assertThat(outcome.newTexts())
        .containsExactly("Ada Lovelace matches ada", "Born in London in 1815");
  }

  @Test
  void aPageThatKeepsPollingIsReadAsItIs() {
    LiveOutcome outcome =
        read(Steps.goTo("/poll"), Steps.click(List.of(Locator.role("button", "Go", true)), "Go"));
    assertThat(outcome.newTexts()).containsExactly("Went somewhere");
  }
}
