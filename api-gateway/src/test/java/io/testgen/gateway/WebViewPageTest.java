package io.testgen.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.options.AriaRole;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.common.progress.ProgressStreams;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.StreamEntryID;
import redis.clients.jedis.UnifiedJedis;

/**
 * The web view in headless Chromium against the real gateway (fake workflow, real Temporal and
 * Redis), reached through a proxy that can cut connections: the sign-in prompt, the start form with
 * each problem next to its field, a run's findings (crawl map, scenarios by RPN, every test status,
 * the failing step's screenshot, the kill matrix, both downloads), the list's filter and paging,
 * the review gate, a stream that resumes without gaps, cancel; keyboard, phone width, axe-core and
 * no request leaving the gateway. Screenshots go to {@code target/web-screenshots}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebViewPageTest extends GatewayIntegrationTest {
  private static final Pattern RUN_HASH = Pattern.compile("#/run/([A-Za-z0-9._:-]+)$");
  private static final String PASSWORD = "pw-never-shown-4711";

  WebViewBrowser chromium;
  DroppingProxy proxy;

  @BeforeAll
  void openBrowser() throws Exception {
    chromium = new WebViewBrowser();
    proxy = new DroppingProxy(port);
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (proxy != null) proxy.close();
    if (chromium != null) chromium.close();
  }

  @Test
  void theFormStartsARunAndItsPageShowsEverythingTheRunFound() throws Exception {
    try (BrowserContext context = chromium.browser.newContext(WebViewBrowser.desktop())) {
      Page page = context.newPage();
      List<String> requests = Collections.synchronizedList(new ArrayList<>());
      List<String> startBodies = Collections.synchronizedList(new ArrayList<>());
      page.onRequest(
          r -> {
            requests.add(r.url());
            if (r.url().endsWith("/api/v2/generate-tests")) startBodies.add(r.postData());
          });

      // Without a key: a sign-in prompt and no data asked for.
      page.navigate(proxy.url() + "/");
      assertThat(page.getByRole(AriaRole.HEADING, exact("Sign in to TestGen"))).isVisible();
      assertThat(page.getByLabel("API key")).isFocused();
      assertThat(page.locator("#nav")).isHidden();
      assertThat(requests).noneMatch(u -> u.contains("/api/"));
      WebViewBrowser.assertNoSeriousAxeViolations(page, "sign-in prompt");
      WebViewBrowser.screenshot(page, "sign-in.png");
      WebViewBrowser.signIn(page, TestServers.key("viewer"));

      page.getByRole(AriaRole.LINK, exact("Start a run")).first().click();
      assertThat(page.getByRole(AriaRole.HEADING, exact("Start a run"))).isVisible();
      WebViewBrowser.assertNoSeriousAxeViolations(page, "start form");

      // Each problem's detail next to its field.
      page.getByLabel("App URL").fill("ftp://127.0.0.1/");
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      assertThat(page.locator("#url-error")).hasText("url must use http or https");
      assertThat(page.getByLabel("App URL")).hasAttribute("aria-invalid", "true");
      page.getByLabel("App URL").fill(TARGET);
      page.getByLabel("Pages").fill("501");
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      assertThat(page.locator("#max-pages-error")).hasText("must be less than or equal to 500");
      assertThat(page.locator("#url-error")).isHidden();
      page.getByLabel("Pages").fill("3");
      page.getByLabel("Username").fill("tester");
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      assertThat(page.locator("#login-password-error")).not().isEmpty();
      assertThat(page.getByLabel("Password")).hasAttribute("aria-invalid", "true");
      WebViewBrowser.screenshot(page, "start-form-errors.png");

      page.getByLabel("Password").fill(PASSWORD);
      page.getByLabel("Instruction").fill("showcase");
      page.getByLabel("Time to measure the suite's strength (seconds)").fill("0");
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      page.waitForURL(RUN_HASH);
      String id = runId(page.url());
      // The credentials went out once, in the start request, and are not shown again.
      assertThat(String.join("\n", startBodies).split(PASSWORD, -1)).hasSize(2);
      assertThat(startBodies.get(startBodies.size() - 1)).contains("\"mutation_budget_seconds\":0");
      writeShowcaseArtifacts(context, id);
      page.reload();

      assertThat(page.locator("#live")).hasAttribute("data-status", "completed");
      for (String agent : List.of("observation", "requirements", "analysis", "evolution")) {
        assertThat(page.locator(".agent[data-agent=" + agent + "]"))
            .hasAttribute("data-state", "completed");
      }
      assertThat(figure(page, "States")).hasText("4");
      assertThat(figure(page, "Pass rate")).hasText("75 %");
      assertThat(figure(page, "Mutation score")).hasText("67 % (2 of 3 faults caught)");

      // The crawl map: nodes with their screenshots, labelled edges; a state opened by keyboard.
      Locator nodes = page.locator("#crawl-map .node");
      assertThat(nodes).hasCount(4);
      WebViewBrowser.assertImagesLoaded(page, "#crawl-map img.thumb");
      assertThat(page.locator("#crawl-map img.thumb")).hasCount(4);
      assertThat(page.locator("#crawl-map .edge")).hasCount(5);
      assertThat(page.locator("#crawl-map .edge:not(.back) text"))
          .hasText(new String[] {"Tasks", "Contact", "Write the relea…"});
      assertThat(page.locator("#crawl-map .edge:not(.back) title").last())
          .hasText("Write the release notes");
      nodes.first().focus();
      page.keyboard().press("Tab");
      page.keyboard().press("Tab");
      page.keyboard().press("Enter");
      assertThat(page.locator("#state-title")).hasText("Contact · Showcase");
      assertThat(page.locator("#state-title")).isFocused();
      assertThat(page.locator("#state-details .state-url")).hasText(TARGET + "/contact");
      assertThat(page.locator("#state-details .headings li")).hasText("h1 · Contact us");
      assertThat(page.locator("#state-details"))
          .containsText("contact · POST /contact · fields: Email, Message");
      assertThat(page.locator("#state-details"))
          .containsText("console error: Uncaught TypeError: x is undefined");
      WebViewBrowser.assertImagesLoaded(page, "#state-screenshot");

      // Scenarios by risk, sortable by RPN with mouse and keyboard.
      assertThat(page.locator("#scenarios-table tbody td:nth-child(2)"))
          .hasText(
              new String[] {
                "Send a contact message",
                "Search for a task",
                "Contact form refuses a bad email",
                "Contact page is accessible",
                "Open a task from the list",
                "Tasks page renders"
              });
      Locator rpnHeader = page.locator("#scenarios-table th", hasText("RPN"));
      rpnHeader.locator("button").click();
      assertThat(rpnHeader).hasAttribute("aria-sort", "descending");
      assertThat(page.locator("#scenarios-table tbody td:nth-child(5)"))
          .hasText(new String[] {"270", "160", "140", "72", "45", "12"});
      rpnHeader.locator("button").focus();
      page.keyboard().press("Enter");
      assertThat(rpnHeader).hasAttribute("aria-sort", "ascending");
      assertThat(page.locator("#scenarios-table tbody td:nth-child(5)"))
          .hasText(new String[] {"12", "45", "72", "140", "160", "270"});
      assertThat(page.locator("#scenarios-table tbody tr", hasText("Send a contact message")))
          .containsText("happy path");

      // Tests: every status, why a test is not simply passing, the failing step's screenshot.
      assertThat(testRow(page, "Send a contact message").locator(".badge").first())
          .hasText("passed");
      assertThat(testRow(page, "Open a task from the list")).containsText("1 step repaired");
      assertThat(testRow(page, "Open a task from the list").locator(".badge").first())
          .hasText("repaired");
      assertThat(testRow(page, "Tasks page renders").locator(".badge").first()).hasText("flaky");
      assertThat(testRow(page, "Tasks page renders")).containsText("2 / 3");
      Locator skipped = testRow(page, "Search for a task");
      assertThat(skipped.locator(".badge").first()).hasText("skipped");
      assertThat(skipped).containsText("the search form was never observed returning results");
      Locator failed = testRow(page, "Contact form refuses a bad email");
      assertThat(failed.locator(".badge").first()).hasText("failed");
      assertThat(failed).containsText("step 3: expected text not found within 5000 ms");
      failed.getByText("Failing step screenshot").click();
      WebViewBrowser.assertImagesLoaded(page, "#tests-table img.shot");

      // The kill matrix: which test caught which injected fault.
      assertThat(page.locator("#faults-table tbody tr")).hasCount(4);
      assertThat(faultRow(page, "POST /contact answers 500"))
          .containsText("Send a contact message");
      assertThat(faultRow(page, "link 'Write the release notes' removed"))
          .containsText("Send a contact message; Open a task from the list");
      assertThat(faultRow(page, "heading 'Latest news' changed").locator(".badge"))
          .hasText("survived");
      assertThat(faultRow(page, "link 'Back' removed"))
          .containsText("discarded: it changed nothing on the page");

      // Both suites.
      assertThat(download(page, "Download Playwright TypeScript suite", id, "playwright-ts"))
          .contains("suite/package.json");
      assertThat(download(page, "Download Playwright Java suite", id, "playwright-java"))
          .contains("suite/pom.xml");

      WebViewBrowser.assertNoSeriousAxeViolations(page, "run page");
      WebViewBrowser.screenshot(page, "run-showcase.png");

      // My runs shows the run's figures.
      page.navigate(proxy.url() + "/#/runs");
      Locator row = page.locator("tr[data-workflow-id=\"" + id + "\"]");
      assertThat(row.locator("[data-col=tests]")).hasText("3");
      assertThat(row.locator("[data-col=pass-rate]")).hasText("75 %");
      assertThat(row.locator("[data-col=mutation-score]")).hasText("67 %");

      // A phone-width screen: nothing wider than the screen, still accessible.
      page.setViewportSize(390, 844);
      WebViewBrowser.assertNoHorizontalScroll(page, "runs list at phone width");
      page.navigate(proxy.url() + "/#/run/" + id);
      WebViewBrowser.assertImagesLoaded(page, "#crawl-map img.thumb");
      WebViewBrowser.assertNoHorizontalScroll(page, "run page at phone width");
      WebViewBrowser.assertNoSeriousAxeViolations(page, "run page at phone width");
      WebViewBrowser.screenshot(page, "run-showcase-phone.png");
      assertThat(page.locator("body")).not().containsText(PASSWORD);
      page.navigate(proxy.url() + "/#/new");
      assertThat(page.getByLabel("Password")).isEmpty();

      // Everything came from the gateway.
      assertThat(requests)
          .allMatch(
              u -> u.startsWith(proxy.url() + "/") || u.startsWith("blob:"),
              "a request to the gateway (or a blob it served)");

      // Another user cannot reach the run through the page.
      try (BrowserContext other = chromium.browser.newContext(WebViewBrowser.desktop())) {
        Page bob = other.newPage();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        bob.onResponse(
            r -> {
              if (r.url().contains(id)) statuses.add(r.status());
            });
        bob.navigate(proxy.url() + "/#/run/" + id);
        WebViewBrowser.signIn(bob, TestServers.key("outsider"));
        assertThat(bob.getByRole(AriaRole.HEADING, exact("Run not found"))).isVisible();
        assertThat(bob.locator("body")).not().containsText(TARGET);
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 404);
      }
    }
  }

  @Test
  void myRunsFiltersByStatusAndPages() {
    List<String> completed = new ArrayList<>();
    for (int i = 0; i < 11; i++) {
      String id = start("pager", "");
      awaitStatus("pager", id, "completed");
      completed.add(id);
    }
    String failed = start("pager", "\"user_instruction\":\"fail\"");
    awaitStatus("pager", failed, "failed");

    try (BrowserContext context = chromium.browser.newContext(WebViewBrowser.desktop())) {
      Page page = context.newPage();
      page.navigate(proxy.url() + "/");
      // Signing in by keyboard alone: the key field has the focus, Enter submits.
      page.keyboard().type(TestServers.key("pager"));
      page.keyboard().press("Enter");
      assertThat(page.locator("#nav")).isVisible();
      // The list's heading has the focus; Tab goes on to its link and then the status filter.
      assertThat(page.locator("#runs-title")).isFocused();
      page.keyboard().press("Tab");
      assertThat(page.locator("#main a.button")).isFocused();
      page.keyboard().press("Tab");
      assertThat(page.locator("#status-filter")).isFocused();
      Locator rows = page.locator("#runs-table tbody tr");
      Locator next = page.getByRole(AriaRole.BUTTON, exact("Next page"));
      Locator previous = page.getByRole(AriaRole.BUTTON, exact("Previous page"));
      assertThat(rows).hasCount(10);
      assertThat(rows.first()).hasAttribute("data-workflow-id", failed);
      assertThat(previous).isDisabled();
      WebViewBrowser.assertNoSeriousAxeViolations(page, "runs list");
      WebViewBrowser.screenshot(page, "runs.png");
      next.click();
      assertThat(rows).hasCount(2);
      assertThat(next).isDisabled();
      assertThat(rows.last()).hasAttribute("data-workflow-id", completed.get(0));
      previous.click();
      assertThat(rows).hasCount(10);
      assertThat(previous).isDisabled();

      page.getByLabel("Status").selectOption("failed");
      assertThat(rows).hasCount(1);
      assertThat(rows.first()).hasAttribute("data-workflow-id", failed);
      assertThat(rows.first().locator(".badge")).hasText("failed");
      assertThat(next).isDisabled();
      page.getByLabel("Status").selectOption("completed");
      assertThat(rows).hasCount(10);
      assertThat(rows.locator(".badge-completed")).hasCount(10);
      // Completed runs get their figures from their results.
      assertThat(rows.first().locator("[data-col=tests]")).hasText("3");
      assertThat(rows.first().locator("[data-col=pass-rate]")).hasText("100 %");
      next.click();
      assertThat(rows).hasCount(1);
      page.getByLabel("Status").selectOption("running");
      assertThat(page.locator("section[aria-labelledby=runs-title] p[role=status]"))
          .hasText("No runs here yet.");

      // A completed run is offered as the baseline of a new one.
      page.navigate(proxy.url() + "/#/new");
      Locator baseline = page.getByLabel("Baseline run");
      assertThat(baseline.locator("option[value=\"" + completed.get(0) + "\"]")).hasCount(1);
      assertThat(baseline.locator("option[value=\"" + failed + "\"]")).hasCount(0);
      page.getByLabel("App URL").fill(TARGET);
      baseline.selectOption(completed.get(0));
      Request started =
          page.waitForRequest(
              r -> r.url().endsWith("/api/v2/generate-tests"),
              () -> page.getByRole(AriaRole.BUTTON, exact("Start run")).click());
      assertThat(started.postData())
          .contains("\"baseline_workflow_id\":\"" + completed.get(0) + "\"");
      page.waitForURL(RUN_HASH);
      assertThat(page.locator("#live")).hasAttribute("data-status", "completed");
    }
  }

  @Test
  void theReviewGateIsApprovedFromThePageAndAStreamResumesWithoutGapsAfterADrop() {
    try (BrowserContext context = chromium.browser.newContext(WebViewBrowser.desktop());
        UnifiedJedis redis = new UnifiedJedis(TestServers.redis().url())) {
      Page page = context.newPage();
      page.navigate(proxy.url() + "/");
      WebViewBrowser.signIn(page, TestServers.key("watcher"));

      // The review gate: approve, and the run goes on to complete.
      page.navigate(proxy.url() + "/#/new");
      page.getByLabel("App URL").fill(TARGET);
      page.getByLabel("Instruction").fill("showcase");
      page.getByLabel("Review the scenarios before tests are made").check();
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      page.waitForURL(RUN_HASH);
      assertThat(page.locator("#review")).isVisible();
      assertThat(page.locator("#live")).hasAttribute("data-status", "awaiting_review");
      WebViewBrowser.assertNoSeriousAxeViolations(page, "review gate");
      WebViewBrowser.screenshot(page, "review-gate.png");
      page.getByRole(AriaRole.BUTTON, exact("Approve scenarios")).click();
      assertThat(page.locator("#review")).isHidden();
      assertThat(page.locator("#live")).hasAttribute("data-status", "completed");
      assertThat(page.locator("#crawl-map .node")).hasCount(4);

      // A live run whose connection drops: the browser resumes after the last event it saw.
      String held = start("watcher", "\"user_instruction\":\"hold\"");
      page.navigate(proxy.url() + "/#/run/" + held);
      Locator live = page.locator("#live");
      Locator logged = page.locator(".event-log li");
      List<String> ids = new ArrayList<>();
      ids.add(xadd(redis, held, ProgressEventType.WORKFLOW_STARTED, null, 0.0, "started"));
      ids.add(xadd(redis, held, ProgressEventType.AGENT_STARTED, "observation", 0.05, "crawl"));
      ids.add(xadd(redis, held, ProgressEventType.AGENT_PROGRESS, "observation", 0.15, "3 pages"));
      assertThat(logged).hasCount(3);
      assertThat(live).hasAttribute("data-opens", "1");
      assertThat(page.locator(".agent[data-agent=observation] .message")).hasText("3 pages");
      assertThat(
              (Number)
                  page.locator(".agent[data-agent=observation] progress").evaluate("p => p.value"))
          .satisfies(v -> assertThat(v.doubleValue()).isCloseTo(0.5, within(1e-9)));

      proxy.dropAll();
      ids.add(xadd(redis, held, ProgressEventType.AGENT_PROGRESS, "observation", 0.2, "6 pages"));
      ids.add(xadd(redis, held, ProgressEventType.AGENT_COMPLETED, "observation", 0.25, "done"));
      ids.add(xadd(redis, held, ProgressEventType.AGENT_STARTED, "requirements", 0.3, "deriving"));
      assertThat(live).hasAttribute("data-opens", "2");
      assertThat(logged).hasCount(6);
      assertThat(
              page.locator(".event-log li").evaluateAll("lis => lis.map(l => l.dataset.eventId)"))
          .isEqualTo(ids);
      assertThat(live).hasAttribute("data-connections", "1");
      assertThat(page.locator(".agent[data-agent=observation]"))
          .hasAttribute("data-state", "completed");
      assertThat(page.locator(".agent[data-agent=requirements]"))
          .hasAttribute("data-state", "running");
      WebViewBrowser.screenshot(page, "live-run.png");

      // Cancel from the page.
      page.getByRole(AriaRole.BUTTON, exact("Cancel run")).click();
      assertThat(live).hasAttribute("data-status", "cancelled");
      assertThat(page.getByRole(AriaRole.BUTTON, exact("Cancel run"))).isHidden();
    }
  }

  /** The showcase's screenshots (real PNGs painted by Chromium) and suites, for run {@code id}. */
  private static void writeShowcaseArtifacts(BrowserContext context, String id) {
    Page painter = context.newPage();
    WebViewShowcase.writeArtifacts(
        ARTIFACTS,
        id,
        name -> {
          painter.setContent(
              "<body style='font:48px sans-serif;margin:40px'><h1>" + name + "</h1></body>");
          return painter.screenshot();
        });
    painter.close();
  }

  @Test
  void theAxeCheckFailsOnASeriousViolation() {
    try (BrowserContext context = chromium.browser.newContext(WebViewBrowser.desktop())) {
      Page page = context.newPage();
      page.setContent(
          "<!doctype html><html lang='en'><head><title>bad</title></head><body><main>"
              + "<h1>Low contrast</h1><p style='color:#bbb;background:#fff'>hard to read</p>"
              + "</main></body></html>");
      assertThatThrownBy(() -> WebViewBrowser.assertNoSeriousAxeViolations(page, "bad page"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("serious color-contrast");
    }
  }

  private static String xadd(
      UnifiedJedis redis,
      String workflowId,
      ProgressEventType type,
      String agent,
      double progress,
      String message) {
    ProgressEvent event =
        new ProgressEvent(type, workflowId, agent, progress, message, Map.of(), Instant.now());
    try {
      return redis
          .xadd(
              ProgressStreams.key(workflowId),
              StreamEntryID.NEW_ENTRY,
              Map.of(ProgressStreams.FIELD, JsonMapperFactory.shared().writeValueAsString(event)))
          .toString();
    } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> download(Page page, String button, String id, String format)
      throws Exception {
    Download download =
        page.waitForDownload(() -> page.getByRole(AriaRole.BUTTON, exact(button)).click());
    assertThat(download.suggestedFilename()).isEqualTo(id + "-" + format + ".zip");
    Path zip = WebViewBrowser.SCREENSHOTS.resolve(download.suggestedFilename());
    download.saveAs(zip);
    List<String> names = new ArrayList<>();
    try (InputStream raw = Files.newInputStream(zip);
        ZipInputStream in = new ZipInputStream(raw)) {
      for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) names.add(e.getName());
    }
    return names;
  }

  private static Locator figure(Page page, String label) {
    return page.locator(".figures div", hasText(label)).locator("dd");
  }

  private static Locator testRow(Page page, String title) {
    return page.locator("#tests-table tbody tr", hasText(title));
  }

  private static Locator faultRow(Page page, String description) {
    return page.locator("#faults-table tbody tr", hasText(description));
  }

  private static Page.LocatorOptions hasText(String text) {
    return new Page.LocatorOptions().setHasText(text);
  }

  private static Page.GetByRoleOptions exact(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  private static String runId(String url) {
    Matcher m = RUN_HASH.matcher(url);
    assertThat(m.find()).as(url).isTrue();
    return m.group(1);
  }
}
