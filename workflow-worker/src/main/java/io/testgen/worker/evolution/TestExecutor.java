package io.testgen.worker.evolution;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Locator.WaitForOptions;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.assertions.LocatorAssertions;
import com.microsoft.playwright.assertions.PageAssertions;
import com.microsoft.playwright.options.WaitForSelectorState;
import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.security.HttpCredentials;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.SameOriginUrl;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;

/**
 * Runs a test's steps with Playwright against the live app, in a fresh browser context from the
 * shared pool or on a {@link RunSession} the calling thread reuses between runs. Call it only from
 * the thread that will also release the pool's connection.
 */
final class TestExecutor {
  /** Sees the page at the moment a step failed, while it is still open (repair looks there). */
  interface FailureInspector {
    void inspect(Page page, int stepIndex, String unique);
  }

  private final BrowserPool pool;
  private final String baseUrl;
  private final Map<String, String> secrets;
  private final HttpCredentials httpCredentials;
  private final EvolutionSettings settings;
  private final VerificationStop stop;

  TestExecutor(
      BrowserPool pool,
      String baseUrl,
      Map<String, String> secrets,
      HttpCredentials httpCredentials,
      EvolutionSettings settings,
      VerificationStop stop) {
    this.stop = stop;
    this.pool = pool;
    this.baseUrl = stripSlash(baseUrl);
    this.secrets = secrets;
    this.httpCredentials = httpCredentials;
    this.settings = settings;
  }

  /**
   * Sees a run from the inside (live learning): the page as it opens, before each step, at the end.
   */
  interface RunWatcher {
    void opened(Page page, String unique);

    void beforeStep(Page page, int index);

    void passed(Page page);

    /**
     * The run is over, passed or not: a watcher lets go of the page here, which the session's next
     * run may share.
     */
    default void finished(Page page) {}
  }

  RunOutcome run(GeneratedTest test, FailureInspector inspector, FailureCapture capture) {
    return run(test, inspector, capture, null);
  }

  RunOutcome run(
      GeneratedTest test, FailureInspector inspector, FailureCapture capture, RunWatcher watcher) {
    try (RunSession once = session(false)) {
      return run(once, test, inspector, capture, watcher);
    }
  }

  /**
   * A session whose context and page the calling thread's runs share ({@code reusable}), or that
   * serves a single run.
   */
  RunSession session(boolean reusable) {
    Browser.NewContextOptions options = new Browser.NewContextOptions().setBaseURL(baseUrl);
    if (httpCredentials != null)
      options.setHttpCredentials(httpCredentials.username(), httpCredentials.password());
    return new RunSession(pool, baseUrl, options, settings.stepTimeout().toMillis(), reusable);
  }

  /** Runs the test on the session's page; a passed run leaves the session reset for the next. */
  RunOutcome run(
      RunSession session,
      GeneratedTest test,
      FailureInspector inspector,
      FailureCapture capture,
      RunWatcher watcher) {
    long start = System.nanoTime();
    String unique = TestData.newUnique();
    stop.check();
    List<Finding> refused = new CopyOnWriteArrayList<>();
    boolean passed = false;
    Page page = null;
    // the texts the run's REMEMBER_TEXT steps keep, by name, for its EXPECT_CHANGED_TEXT steps
    Map<String, String> remembered = new java.util.HashMap<>();
    try {
      page = session.open(refused::add, firstUrl(test, unique));
      if (watcher != null) watcher.opened(page, unique);
      for (int i = 0; i < test.steps().size(); i++) {
        stop.check();
        try {
          if (watcher != null) watcher.beforeStep(page, i);
          perform(page, test.steps().get(i), unique, remembered);
        } catch (RuntimeException | AssertionError e) {
          if (stop.requested()) throw new VerificationStop.Stopped();
          String error = blocked(e.getMessage(), refused);
          if (capture != null) capture.screenshot(page, test);
          if (inspector != null) inspector.inspect(page, i, unique);
          return new RunOutcome(false, i, error, millisSince(start));
        }
      }
      if (watcher != null) watcher.passed(page);
      passed = true;
      return RunOutcome.pass(millisSince(start));
    } finally {
      if (watcher != null && page != null) finished(watcher, page);
      if (passed) session.recycle();
      else session.discard();
    }
  }

  private static void finished(RunWatcher watcher, Page page) {
    try {
      watcher.finished(page);
    } catch (RuntimeException e) {
      // the page is gone (a crash, a closed context): nothing of the run is left to let go of
    }
  }

  /** The absolute URL the test opens first, or null when it starts otherwise. */
  private String firstUrl(GeneratedTest test, String unique) {
    if (test.steps().isEmpty()) return null;
    TestStep first = test.steps().get(0);
    if (first.stepAction() != StepAction.GOTO) return null;
    try {
      return SameOriginUrl.resolve(baseUrl, TestData.withUnique(first.value(), unique));
    } catch (SameOriginUrl.RefusedException e) {
      return null; // the step fails as it is performed
    }
  }

  /** Where the screenshot of a failing run goes. */
  interface FailureCapture {
    void screenshot(Page page, GeneratedTest test);
  }

  private void perform(Page page, TestStep step, String unique, Map<String, String> remembered) {
    double timeout = settings.stepTimeout().toMillis();
    String value = TestData.withUnique(step.value(), unique);
    switch (step.stepAction()) {
      case GOTO -> page.navigate(SameOriginUrl.resolve(baseUrl, value));
      case CLICK -> element(page, step, unique).click();
      case DBLCLICK -> element(page, step, unique).dblclick();
      case HOVER -> element(page, step, unique).hover();
      case CLICK_EXPECT_OK -> {
        com.microsoft.playwright.Locator target = element(page, step, unique);
        Response response =
            page.waitForResponse(
                r -> r.request().isNavigationRequest() && r.request().frame().parentFrame() == null,
                target::click);
        if (response.status() >= 500)
          throw new AssertionError("the page answered HTTP " + response.status());
      }
      case EXPECT_TAB_REACHABLE -> {
        com.microsoft.playwright.Locator target = element(page, step, unique);
        int presses = Integer.parseInt(value);
        for (int i = 0;
            i < presses && !(Boolean) target.evaluate("e => e === document.activeElement");
            i++) page.keyboard().press("Tab");
        assertThat(target).isFocused(new LocatorAssertions.IsFocusedOptions().setTimeout(timeout));
      }
      case EXPECT_NOT_EXECUTED -> {
        Object type = page.evaluate("name => typeof window[name]", value);
        if (!"undefined".equals(type))
          throw new AssertionError("the typed script ran: window." + value + " is set");
      }
      case EXPECT_STATUS -> {
        int status = page.request().get(page.url()).status();
        if (status != Integer.parseInt(value))
          throw new AssertionError(
              "the address answered HTTP " + status + ", expected " + value + ": " + page.url());
      }
      case FILL ->
          element(page, step, unique)
              .fill(step.secret() != null ? TestData.secret(step.secret(), secrets) : value);
      case SELECT -> element(page, step, unique).selectOption(value);
      case CHECK -> element(page, step, unique).check();
      case PRESS -> {
        if (Steps.usesElement(step)) element(page, step, unique).press(value);
        else page.keyboard().press(value);
      }
      case WAIT_FOR ->
          element(page, step, unique)
              .waitFor(
                  new WaitForOptions()
                      .setState(WaitForSelectorState.VISIBLE)
                      .setTimeout(settings.repairWait().toMillis()));
      case EXPECT_VISIBLE ->
          assertThat(element(page, step, unique))
              .isVisible(new LocatorAssertions.IsVisibleOptions().setTimeout(timeout));
      case EXPECT_HIDDEN ->
          assertThat(element(page, step, unique))
              .isHidden(new LocatorAssertions.IsHiddenOptions().setTimeout(timeout));
      case EXPECT_TEXT ->
          assertThat(element(page, step, unique))
              .containsText(value, new LocatorAssertions.ContainsTextOptions().setTimeout(timeout));
      case EXPECT_VALUE ->
          assertThat(element(page, step, unique))
              .hasValue(value, new LocatorAssertions.HasValueOptions().setTimeout(timeout));
      case EXPECT_COUNT ->
          assertThat(allOf(page, step, unique))
              .hasCount(
                  Integer.parseInt(value),
                  new LocatorAssertions.HasCountOptions().setTimeout(timeout));
      case EXPECT_URL ->
          assertThat(page)
              .hasURL(
                  Pattern.compile(UrlPattern.forPath(value)),
                  new PageAssertions.HasURLOptions().setTimeout(timeout));
      case EXPECT_TITLE ->
          assertThat(page)
              .hasTitle(value, new PageAssertions.HasTitleOptions().setTimeout(timeout));
      case REMEMBER_TEXT -> {
        String text = element(page, step, unique).textContent();
        remembered.put(value, text == null ? "" : text);
      }
      case EXPECT_CHANGED_TEXT -> {
        String before = remembered.get(value);
        if (before == null) throw new AssertionError("no text was remembered as " + value);
        assertThat(element(page, step, unique))
            .not()
            .hasText(before, new LocatorAssertions.HasTextOptions().setTimeout(timeout));
      }
    }
  }

  private static com.microsoft.playwright.Locator element(Page page, TestStep step, String unique) {
    return PageLocators.of(page, step.locators().get(0), unique);
  }

  /** Counting looks at every match, never only the first. */
  private static com.microsoft.playwright.Locator allOf(Page page, TestStep step, String unique) {
    var l = step.locators().get(0);
    return PageLocators.of(
        page,
        new io.testgen.common.agents.observation.Locator(l.strategy(), l.value(), l.name(), true),
        unique);
  }

  /** A navigation the guard refused fails with the guard's reason, not Chromium's error code. */
  private static String blocked(String message, List<Finding> refused) {
    if (refused.isEmpty() || message == null || !message.contains("ERR_BLOCKED_BY_CLIENT"))
      return firstLine(message);
    Finding f = refused.get(0);
    return "navigation refused (" + f.kind() + "): " + f.url() + " " + f.detail();
  }

  private static long millisSince(long start) {
    return (System.nanoTime() - start) / 1_000_000;
  }

  /**
   * The line of an error message that says what went wrong: Playwright's errors open with a bare
   * "Error {" and carry the message on the next line as {@code message='...'}.
   */
  static String firstLine(String message) {
    if (message == null) return "error";
    String line = "";
    for (String l : message.strip().split("\n")) {
      line = l.strip();
      if (line.startsWith("message='")) line = line.substring(9);
      if (!line.isEmpty() && !line.matches("\\w*Error \\{")) break;
    }
    return line.length() > 300 ? line.substring(0, 300) : line;
  }

  private static String stripSlash(String url) {
    return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
  }
}
