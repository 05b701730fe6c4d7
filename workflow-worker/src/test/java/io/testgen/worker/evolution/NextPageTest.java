package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.Transition;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.testkit.commands.CommandRun;
import io.testgen.testkit.commands.PlaywrightTestModules;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.browser.BrowserSettings;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A link to a list's next page, learnt live, becomes a test that remembers the list's first row
 * when it runs and expects another one on the next page: it passes however many records other tests
 * add before it, and fails on a list that shows page one again. The list is found without ids (a
 * table whose header row sits in its body) beside a pager that is no list of records, and so is a
 * single-page app's list that a Next button turns in place; the rendered suites declare the
 * remembered text as a variable, and pass and fail as the test does.
 */
@Timeout(value = 8, unit = TimeUnit.MINUTES)
class NextPageTest {
  static final String CHROMIUM = BrowserSettings.fromEnvironment().executable().toString();

  static final int PAGE_SIZE = 3;

  FixtureServer site;
  final List<String> names = new ArrayList<>();
  final AtomicBoolean pageIgnored = new AtomicBoolean();
  TestExecutor executor;

  @BeforeEach
  void start() {
    for (String n : List.of("Ada", "Brian", "Carla", "Dmitri", "Edsger", "Frances", "Grace"))
      names.add(n + " Lovelace-" + n.length());
    site = FixtureServer.start();
    site.get("/people", r -> FixtureResponse.html(page(r.param("p"))));
    executor = Executors.on(site);
  }

  @AfterEach
  void stop() {
    site.close();
  }

  /** One page of people: a table without ids (its header row in the body) and a pager list. */
  private String page(String p) {
    int number = p == null || pageIgnored.get() ? 1 : Integer.parseInt(p);
    StringBuilder rows = new StringBuilder("<tr><th>Name</th><th>Born</th></tr>");
    List<String> sorted = names.stream().sorted().toList();
    for (int i = (number - 1) * PAGE_SIZE; i < Math.min(sorted.size(), number * PAGE_SIZE); i++)
      rows.append("<tr><td>").append(sorted.get(i)).append("</td><td>1815</td></tr>");
    return "<!doctype html><title>People</title><header><nav><ul><li><a href=\"/\">Home</a></li>"
        + "<li><a href=\"/people\">People</a></li></ul></nav></header><main><h1>People</h1>"
        + "<table>"
        + rows
        + "</table><ul class=\"pager\"><li><a href=\"/people?p=1\">1</a></li>"
        + "<li><a href=\"/people?p=2\">2</a></li><li><a href=\"/people?p=3\">3</a></li></ul>"
        + "</main>";
  }

  static final Scenario SCENARIO =
      new Scenario(
          "REQ-QUERY-S-people-1",
          "'2' on 'People' shows it for p=2",
          List.of("the user is on People"),
          List.of("the user follows '2'"),
          List.of("the address has p=2"),
          "medium",
          "navigation",
          List.of("navigation", "query"),
          Map.of(),
          new Evidence(List.of("S-people"), List.of(), List.of("e2")),
          false,
          "rule");

  private GeneratedTest learn() {
    List<TestStep> steps =
        List.of(
            Steps.goTo("/people"),
            Steps.click(List.of(Locator.role("link", "2", true)), "link '2'"),
            Steps.expectUrl("/people?p=2"),
            Steps.expectAHeading());
    return learn(LiveRun.action("/people", steps).turningPage());
  }

  /** The one test a live run is learnt into. */
  private GeneratedTest learn(LiveRun run) {
    ScenarioLearner.Learned learned =
        new ScenarioLearner(executor)
            .learnAll(List.of(new TestPlan.Pending(SCENARIO, run)), n -> {});
    assertThat(learned.skipped()).isEmpty();
    return learned.tests().get(0);
  }

  @Test
  void theNextPagesTestExpectsAnotherFirstRowThanThePageItLeftShowedWhenItRuns() {
    GeneratedTest test = learn();
    Locator rows = Locator.css("body > main > table > tbody > tr:has(td)", false);
    assertThat(test.steps())
        .containsExactly(
            Steps.goTo("/people"),
            Steps.rememberText(List.of(rows), "firstRow", "the list's first row"),
            Steps.click(List.of(Locator.role("link", "2", true)), "link '2'"),
            Steps.expectUrl("/people?p=2"),
            Steps.expectAHeading(),
            Steps.expectVisible(List.of(rows), "the list's first row"),
            Steps.expectChangedText(List.of(rows), "firstRow", "the list's first row"));
    assertThat(executor.run(test, null, null).passed()).isTrue();
    // other tests add records that sort before every row seen at generation: still another page
    names.add("Aaron Other-1");
    names.add("Abby Other-2");
    names.add("Abel Other-3");
    assertThat(executor.run(test, null, null).passed()).isTrue();
    // a list that ignores its page number fails at the remembered row
    pageIgnored.set(true);
    RunOutcome ignored = executor.run(test, null, null);
    assertThat(ignored.passed()).isFalse();
    assertThat(ignored.failedStep()).isEqualTo(6);
  }

  @Test
  void bothRenderedSuitesPassOnTheListAndFailOnAListThatShowsPageOneAgain(@TempDir Path dir)
      throws Exception {
    GeneratedTest test = learn();
    Path ts =
        write(TypeScriptSuiteRenderer.render(site.baseUrl(), List.of(test)), dir.resolve("ts"));
    Files.createSymbolicLink(
        ts.resolve("node_modules"),
        PlaywrightTestModules.installed(TypeScriptSuiteRenderer.PLAYWRIGHT_VERSION));
    Map<String, String> env =
        Map.of(
            "PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH",
            CHROMIUM,
            "PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD",
            "1",
            "CI",
            "1");
    CommandRun passing = CommandRun.run(ts, env, 300, "npx", "--no-install", "playwright", "test");
    assertThat(passing.exitCode()).as(passing.output()).isZero();
    assertThat(passing.output()).contains("1 passed");
    Path java = write(JavaSuiteRenderer.render(site.baseUrl(), List.of(test)), dir.resolve("java"));
    CommandRun javaRun = CommandRun.run(java, env, 500, "mvn", "-q", "-B", "test");
    assertThat(javaRun.exitCode()).as(javaRun.output()).isZero();

    pageIgnored.set(true);
    CommandRun failing = CommandRun.run(ts, env, 300, "npx", "--no-install", "playwright", "test");
    assertThat(failing.exitCode()).as(failing.output()).isNotZero();
    assertThat(failing.output()).contains("1 failed").contains("not.toHaveText");
    CommandRun javaFailing = CommandRun.run(java, env, 500, "mvn", "-q", "-B", "test");
    assertThat(javaFailing.exitCode()).as(javaFailing.output()).isNotZero();
    assertThat(
            Files.readString(
                java.resolve(
                    "target/surefire-reports/TEST-io.testgen.generated.GeneratedSuiteTest.xml")))
        .contains("tests=\"1\"")
        .contains("failures=\"1\"");
  }

  private static Path write(Map<String, String> files, Path root) throws IOException {
    for (Map.Entry<String, String> f : files.entrySet()) {
      Path file = root.resolve(f.getKey());
      Files.createDirectories(file.getParent());
      Files.writeString(file, f.getValue());
    }
    return root;
  }

  @Test
  void aPageThatShowsNoListKeepsTheInPageActionsAssertions() {
    site.get(
        "/plain",
        r ->
            FixtureResponse.html(
                "<!doctype html><title>Plain</title><h1>Plain</h1><p>"
                    + ("2".equals(r.param("page")) ? "Second part of the text" : "First part")
                    + "</p><p><a href=\"/plain?page=2\">next</a></p>"));
    LiveRun run =
        LiveRun.action(
                "/plain",
                List.of(
                    Steps.goTo("/plain"),
                    Steps.click(List.of(Locator.role("link", "next", true)), "link 'next'"),
                    Steps.expectUrl("/plain?page=2")))
            .turningPage();
    GeneratedTest test = learn(run);
    assertThat(test.steps())
        .extracting(TestStep::action)
        .containsExactly("goto", "click", "expect_url", "expect_hidden");
    assertThat(test.steps().get(3).description()).isEqualTo("Expect 'First part' hidden");
  }

  @Test
  void aLinkTurnsAPageWhenItChangesOnlyAPageNumber() {
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?p=2", "2")).isTrue();
    assertThat(NextPage.turnsPage("http://h/a/?q=x", "http://h/a/?q=x&page=3", "Next")).isTrue();
    assertThat(NextPage.turnsPage("http://h/a/?offset=0", "http://h/a/?offset=20", "more"))
        .isTrue();
    // a number the link says, under any parameter name
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?n=2", " 2 ")).isTrue();
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?n=2", "Next »")).isTrue();
    // a sort order, a filter, another path, two parameters, no number: no page
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?o=1", "Title")).isFalse();
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?genre=sf", "SF")).isFalse();
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/b/?p=2", "2")).isFalse();
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?p=2&o=1", "2")).isFalse();
    assertThat(NextPage.turnsPage("http://h/a/", "http://h/a/?page=last", "Last")).isFalse();
  }

  /** A single-page app's list of cards (no table), turned by a Next button in place. */
  private String spa() {
    StringBuilder cards = new StringBuilder();
    for (String n : names.stream().sorted().toList())
      cards.append("'").append(n).append(" wrote a long letter',");
    return "<!doctype html><title>Cards</title><h1>Cards</h1><ol id=\"cards\"></ol>"
        + "<button id=\"next\">Next</button><script>const all = ["
        + cards
        + "]; let page = 0; const ignored = "
        + pageIgnored.get()
        + "; function show() { const list = document.getElementById('cards'); list.innerHTML = '';"
        + " for (const c of all.slice(page * 3, page * 3 + 3)) { const li ="
        + " document.createElement('li'); li.textContent = c; list.append(li); } }"
        + " document.getElementById('next').onclick = () => { if (!ignored) page++; show(); };"
        + " show();</script>";
  }

  @Test
  void aPagerButtonOfASinglePageAppTurnsItsListInPlace() {
    site.get("/cards", r -> FixtureResponse.html(spa()));
    assertThat(
            NextPage.turnsPageInPlace(new Transition("S-a", "S-b", "click", "e1", "click 'Next'")))
        .isTrue();
    assertThat(
            NextPage.turnsPageInPlace(
                new Transition("S-a", "S-b", "click", "e1", "click 'Add item'")))
        .isFalse();
    assertThat(NextPage.turnsPageInPlace(new Transition("S-a", "S-b", "dblclick", "e1", "2")))
        .isFalse();
    LiveRun run =
        LiveRun.action(
                "/cards",
                List.of(
                    Steps.goTo("/cards"),
                    Steps.click(List.of(Locator.role("button", "Next", true)), "button 'Next'")))
            .turningPage();
    GeneratedTest test = learn(run);
    Locator cards = Locator.css("#cards > li", false);
    assertThat(test.steps())
        .containsExactly(
            Steps.goTo("/cards"),
            Steps.rememberText(List.of(cards), "firstRow", "the list's first row"),
            Steps.click(List.of(Locator.role("button", "Next", true)), "button 'Next'"),
            Steps.expectVisible(List.of(cards), "the list's first row"),
            Steps.expectChangedText(List.of(cards), "firstRow", "the list's first row"));
    names.add("Aaron Other-1");
    assertThat(executor.run(test, null, null).passed()).isTrue();
    pageIgnored.set(true);
    assertThat(executor.run(test, null, null).passed()).isFalse();
  }

  @Test
  void bothSuitesKeepTheRememberedTextInAVariable() {
    Locator rows = Locator.css("#result_list > tbody > tr:has(td)", false);
    TestStep remember = Steps.rememberText(List.of(rows), "firstRow", "the list's first row");
    TestStep changed = Steps.expectChangedText(List.of(rows), "firstRow", "the list's first row");
    assertThat(TypeScriptSuiteRenderer.statement(remember))
        .isEqualTo(
            "const firstRow = (await page.locator('#result_list > tbody >"
                + " tr:has(td)').first().textContent()) ?? '';");
    assertThat(TypeScriptSuiteRenderer.statement(changed))
        .isEqualTo(
            "await expect(page.locator('#result_list > tbody > tr:has(td)').first())"
                + ".not.toHaveText(firstRow);");
    assertThat(JavaStepStatements.statement(remember))
        .isEqualTo(
            "String firstRow = page.locator(\"#result_list > tbody > tr:has(td)\").first()"
                + ".textContent();");
    assertThat(JavaStepStatements.statement(changed))
        .isEqualTo(
            "assertThat(page.locator(\"#result_list > tbody > tr:has(td)\").first())"
                + ".not().hasText(firstRow);");
  }
}
