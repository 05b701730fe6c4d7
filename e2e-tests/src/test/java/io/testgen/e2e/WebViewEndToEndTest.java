package io.testgen.e2e;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.Response;
import com.microsoft.playwright.options.AriaRole;
import io.testgen.testkit.browser.Chromium;
import io.testgen.testkit.browser.WebViewPages;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Timeout;

/**
 * The web view as a person uses it, in headless Chromium against the real stack: sign in, start a
 * small run on the demo app through the form, watch the pipeline to the end, open a state on the
 * crawl map, sort scenarios, download the suite, list the runs, at desktop and phone width, with an
 * axe-core scan of every page. Screenshots go to {@code target/web-screenshots}.
 */
@Timeout(value = 20, unit = TimeUnit.MINUTES)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebViewEndToEndTest {
  private static final Pattern RUN_HASH = Pattern.compile("#/run/([A-Za-z0-9._:-]+)$");

  TestGenStack stack;
  FixtureServer site;
  Playwright playwright;
  Browser browser;
  WebViewChecks checks;

  @BeforeAll
  void start() {
    site = DemoSite.install(FixtureServer.start());
    stack = TestGenStack.start();
    // A second worker: on a loaded machine a worker can log worker_started and still die on its
    // first Temporal call (DEADLINE_EXCEEDED in WorkerFactory.start); the runs need one alive.
    stack.startWorker();
    WebViewChecks.awaitReady(new GatewayHttp(stack.gatewayUrl(), null));
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
    checks = new WebViewChecks(Path.of("target", "web-screenshots"));
  }

  @AfterAll
  void stop() {
    if (playwright != null) playwright.close();
    if (stack != null) stack.close();
    if (site != null) site.close();
  }

  @Test
  void startsARunThroughThePageWatchesItCompleteAndShowsWhatWasFound() throws Exception {
    try (BrowserContext context = browser.newContext(WebViewPages.desktop())) {
      Page page = context.newPage();
      List<String> requested = Collections.synchronizedList(new ArrayList<>());
      page.onRequest(r -> requested.add(r.url()));
      page.navigate(stack.gatewayUrl() + "/");
      WebViewPages.signIn(page, TestGenStack.API_KEY);
      assertThat(page.getByRole(AriaRole.HEADING, heading("My runs"))).isVisible();

      page.getByRole(
              AriaRole.LINK, new Page.GetByRoleOptions().setName("Start a run").setExact(true))
          .first()
          .click();
      assertThat(page.getByRole(AriaRole.HEADING, heading("Start a run"))).isVisible();
      WebViewPages.assertNoSeriousAxeViolations(page, "start form");

      // A refused field shows the problem's detail next to it.
      page.getByLabel("App URL").fill("ftp://127.0.0.1/");
      page.getByRole(AriaRole.BUTTON, button("Start run")).click();
      assertThat(page.locator("#url-error")).hasText("url must use http or https");
      assertThat(page.getByLabel("App URL")).hasAttribute("aria-invalid", "true");

      // A small run: five pages one click deep and no fault injection (the unmutated run alone of
      // ~30 tests outlasts a 20 s budget under load), so it completes in minutes on a loaded
      // machine. WebViewRunPageTest covers the kill matrix.
      page.getByLabel("App URL").fill(site.url("/"));
      page.getByLabel("Depth").fill("1");
      page.getByLabel("Pages").fill("5");
      page.getByLabel("Time to measure the suite's strength (seconds)").fill("0");
      page.getByRole(AriaRole.BUTTON, button("Start run")).click();
      page.waitForURL(RUN_HASH);
      String workflowId = runId(page.url());
      assertThat(workflowId).startsWith("testgen-127.0.0.1-");

      // Live: the pipeline moves with the stream.
      Locator live = page.locator("#live");
      page.locator(".agent[data-agent=evolution][data-state=running]")
          .waitFor(new Locator.WaitForOptions().setTimeout(360_000));
      WebViewPages.assertNoSeriousAxeViolations(page, "live run");
      checks.screenshot(page, "live-run.png");
      assertThat(live).hasAttribute("data-status", "completed", longWait());
      for (String agent : List.of("observation", "requirements", "analysis", "evolution")) {
        Locator card = page.locator(".agent[data-agent=" + agent + "]");
        assertThat(card).hasAttribute("data-state", "completed");
        assertThat(card.locator("progress")).hasJSProperty("value", 1);
      }
      assertThat(page.locator("#total-progress")).hasJSProperty("value", 1);
      assertThat(Integer.parseInt(live.getAttribute("data-events"))).isGreaterThan(8);
      assertThat(live).hasAttribute("data-connections", "1");

      // What was found: the crawl map with screenshots.
      Locator nodes = page.locator("#crawl-map .node");
      nodes.first().waitFor(new Locator.WaitForOptions().setTimeout(60_000));
      assertThat(nodes.count()).as("crawl map nodes").isGreaterThan(3);
      List<String> broken = checks.brokenImages(page, "#crawl-map img.thumb");
      assertThat(broken).as("thumbnails that did not load").isEmpty();
      assertThat(page.locator("#crawl-map img.thumb").count()).isEqualTo(nodes.count());
      assertThat(page.locator("#crawl-map .edge").count()).isGreaterThan(0);

      Locator home = nodes.filter(new Locator.FilterOptions().setHasText("Home · Acme Tasks"));
      home.first().click();
      assertThat(page.locator("#state-title")).hasText("Home · Acme Tasks");
      assertThat(page.locator("#state-details .state-url")).hasText(site.url("/"));
      assertThat(page.locator("#state-details .headings li").first()).containsText("h1");
      assertThat(checks.brokenImages(page, "#state-screenshot")).isEmpty();
      // The keyboard opens a state too.
      Locator contact =
          nodes.filter(new Locator.FilterOptions().setHasText("Contact · Acme Tasks"));
      contact.first().focus();
      page.keyboard().press("Enter");
      assertThat(page.locator("#state-title")).hasText("Contact · Acme Tasks");
      assertThat(page.locator("#state-details")).containsText("Forms");
      checks.screenshot(page.locator("section:has(#map-title)"), "crawl-map.png");

      // Scenarios sortable by RPN; tests with their status.
      Locator scenarios = page.locator("#scenarios-table tbody tr");
      assertThat(scenarios.count()).isGreaterThan(5);
      page.locator("#scenarios-table th button", new Page.LocatorOptions().setHasText("RPN"))
          .click();
      assertThat(page.locator("#scenarios-table th[aria-sort=descending]")).hasText("RPN");
      List<Integer> rpns = new ArrayList<>();
      for (String cell : page.locator("#scenarios-table tbody td:nth-child(5)").allTextContents()) {
        rpns.add(Integer.parseInt(cell.trim()));
      }
      List<Integer> descending = new ArrayList<>(rpns);
      descending.sort(Collections.reverseOrder());
      assertThat(rpns).isEqualTo(descending);
      assertThat(page.locator("#tests-table tbody tr").count()).isGreaterThan(3);
      assertThat(page.locator("#tests-table tbody .badge-passed").count()).isGreaterThan(0);

      Download download =
          page.waitForDownload(
              () ->
                  page.getByRole(AriaRole.BUTTON, button("Download Playwright TypeScript suite"))
                      .click());
      assertThat(download.suggestedFilename()).isEqualTo(workflowId + "-playwright-ts.zip");
      Path zip = checks.dir().resolve(download.suggestedFilename());
      download.saveAs(zip);
      assertThat(WebViewChecks.zipEntries(zip)).contains("package.json", "playwright.config.ts");
      Download java =
          page.waitForDownload(
              () ->
                  page.getByRole(AriaRole.BUTTON, button("Download Playwright Java suite"))
                      .click());
      assertThat(java.suggestedFilename()).isEqualTo(workflowId + "-playwright-java.zip");
      Path javaZip = checks.dir().resolve(java.suggestedFilename());
      java.saveAs(javaZip);
      assertThat(WebViewChecks.zipEntries(javaZip)).contains("pom.xml");

      // No fault injection was asked for: no kill matrix, no mutation score.
      JsonNode evolution =
          new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY)
              .get("/api/v2/workflows/" + workflowId + "/results")
              .json()
              .path("evolution_result");
      assertThat(evolution.path("mutation").isMissingNode() || evolution.path("mutation").isNull())
          .as("mutation report of a run with mutation_budget_seconds 0: %s", evolution)
          .isTrue();
      assertThat(page.locator("#faults-table")).hasCount(0);
      assertThat(
              page.locator(".figures div", new Page.LocatorOptions().setHasText("Mutation score"))
                  .locator("dd"))
          .hasText("–");

      WebViewPages.assertNoSeriousAxeViolations(page, "run results");
      checks.screenshotFullPage(page, "run-full.png");
      page.evaluate("() => window.scrollTo(0, 0)");
      checks.screenshot(page, "run.png");

      // My runs: the run with its figures.
      page.navigate(stack.gatewayUrl() + "/#/runs");
      Locator row = page.locator("tr[data-workflow-id=\"" + workflowId + "\"]");
      assertThat(row.locator(".badge")).hasText("completed");
      assertThat(row.locator("[data-col=tests]")).hasText(Pattern.compile("^\\d+$"));
      assertThat(row.locator("[data-col=pass-rate]")).hasText(Pattern.compile("^\\d+ %$"));
      page.getByLabel("Status").selectOption("failed");
      assertThat(row).hasCount(0);
      page.getByLabel("Status").selectOption("completed");
      assertThat(row).hasCount(1);
      WebViewPages.assertNoSeriousAxeViolations(page, "runs list");
      checks.screenshot(page, "runs.png");

      // Phone width: nothing wider than the screen, run page included.
      page.setViewportSize(390, 844);
      WebViewPages.assertNoHorizontalScroll(page, "runs list at phone width");
      page.navigate(stack.gatewayUrl() + "/#/run/" + workflowId);
      page.locator("#crawl-map .node").first().waitFor();
      WebViewPages.assertNoHorizontalScroll(page, "run page at phone width");
      WebViewPages.assertNoSeriousAxeViolations(page, "run page at phone width");
      checks.screenshotFullPage(page, "run-phone.png");

      // Everything the page loaded came from the gateway.
      assertThat(requested)
          .allMatch(
              u -> u.startsWith(stack.gatewayUrl() + "/") || u.startsWith("blob:"),
              "a request to the gateway (or a blob it served)");
    }
  }

  @Test
  void withoutAKeyThePageAsksToSignInAndShowsNoDataAndBobCannotOpenAlicesRun() {
    GatewayHttp alice = new GatewayHttp(stack.gatewayUrl(), TestGenStack.API_KEY);
    String aliceRun = startReviewRun(alice);
    String toCancel = startReviewRun(alice);

    try (BrowserContext context = browser.newContext(WebViewPages.desktop())) {
      Page page = context.newPage();
      List<String> apiCalls = new ArrayList<>();
      page.onRequest(
          request -> {
            if (request.url().contains("/api/")) apiCalls.add(request.url());
          });
      page.navigate(stack.gatewayUrl() + "/#/run/" + aliceRun);
      assertThat(page.getByRole(AriaRole.HEADING, heading("Sign in to TestGen"))).isVisible();
      assertThat(page.getByLabel("API key")).isFocused();
      assertThat(page.locator("#nav")).isHidden();
      WebViewPages.assertNoSeriousAxeViolations(page, "sign-in");
      checks.screenshot(page, "sign-in.png");
      assertThat(apiCalls).as("requests made without a key").isEmpty();
      page.getByLabel("API key").fill("not-a-key-0123456789");
      page.getByRole(AriaRole.BUTTON, button("Sign in")).click();
      assertThat(page.locator("#api-key-error")).hasText("That key was not accepted.");
      assertThat(page.locator("#run-title")).hasCount(0);
    }

    try (BrowserContext context = browser.newContext(WebViewPages.desktop())) {
      Page page = context.newPage();
      List<Response> aboutAlicesRun = new ArrayList<>();
      page.onResponse(
          response -> {
            if (response.url().contains(aliceRun)) aboutAlicesRun.add(response);
          });
      page.navigate(stack.gatewayUrl() + "/");
      WebViewPages.signIn(page, TestGenStack.OTHER_KEY);
      assertThat(page.locator("section[aria-labelledby=runs-title] p[role=status]"))
          .hasText("No runs here yet.");
      page.navigate(stack.gatewayUrl() + "/#/run/" + aliceRun);
      assertThat(page.getByRole(AriaRole.HEADING, heading("Run not found"))).isVisible();
      assertThat(page.locator("body")).not().containsText(site.url("/"));
      assertThat(aboutAlicesRun).isNotEmpty();
      assertThat(aboutAlicesRun).allSatisfy(r -> assertThat(r.status()).isEqualTo(404));
    }

    // Alice sees her run wait for review and rejects it from the page.
    try (BrowserContext context = browser.newContext(WebViewPages.desktop())) {
      Page page = context.newPage();
      page.navigate(stack.gatewayUrl() + "/");
      WebViewPages.signIn(page, TestGenStack.API_KEY);
      page.navigate(stack.gatewayUrl() + "/#/run/" + aliceRun);
      assertThat(page.locator("#review"))
          .isVisible(
              new com.microsoft.playwright.assertions.LocatorAssertions.IsVisibleOptions()
                  .setTimeout(300_000));
      assertThat(page.locator("#live")).hasAttribute("data-status", "awaiting_review");
      WebViewPages.assertNoSeriousAxeViolations(page, "review gate");
      page.getByLabel("Reason for rejecting (optional)").fill("not these scenarios");
      page.getByRole(AriaRole.BUTTON, button("Reject")).click();
      assertThat(page.locator("#live")).hasAttribute("data-status", "failed", longWait());
      assertThat(page.locator("#review")).isHidden();
      assertThat(page.locator("#live .form-error")).containsText("not these scenarios");

      // Cancel from the page.
      page.navigate(stack.gatewayUrl() + "/#/run/" + toCancel);
      page.getByRole(AriaRole.BUTTON, button("Cancel run")).click();
      assertThat(page.locator("#live")).hasAttribute("data-status", "cancelled", longWait());
      assertThat(page.getByRole(AriaRole.BUTTON, button("Cancel run"))).isHidden();
    }
  }

  /** A small run that stops at the review gate; retried while Temporal is still warming up. */
  private String startReviewRun(GatewayHttp alice) {
    String body =
        "{\"url\":\""
            + site.url("/")
            + "\",\"max_depth\":1,\"max_pages\":3,\"review_requirements\":true}";
    GatewayHttp.Response started = alice.post("/api/v2/generate-tests", body);
    for (int attempt = 0; started.status() == 503 && attempt < 5; attempt++) {
      TestGenStack.sleep(2000);
      started = alice.post("/api/v2/generate-tests", body);
    }
    assertThat(started.status()).as(started.body()).isEqualTo(202);
    return started.json().path("workflow_id").asText();
  }

  private static String runId(String url) {
    Matcher m = RUN_HASH.matcher(url);
    assertThat(m.find()).as(url).isTrue();
    return m.group(1);
  }

  private static Page.GetByRoleOptions heading(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  private static Page.GetByRoleOptions button(String name) {
    return new Page.GetByRoleOptions().setName(name).setExact(true);
  }

  private static com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions
      longWait() {
    // Evolution learns scenarios live and measures oracle strength: give it room on 2 cores.
    return new com.microsoft.playwright.assertions.LocatorAssertions.HasAttributeOptions()
        .setTimeout(600_000);
  }
}
