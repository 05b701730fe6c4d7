package io.testgen.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.testgen.gateway.WebViewBrowser.RUN_HASH;
import static io.testgen.gateway.WebViewBrowser.exact;
import static io.testgen.gateway.WebViewBrowser.hasText;
import static io.testgen.gateway.WebViewBrowser.runId;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import io.testgen.testkit.browser.WebViewPages;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A run in the web view, in headless Chromium against the real gateway (fake workflow, real
 * Temporal and Redis): the sign-in prompt, the start form with each problem next to its field and
 * credentials sent once, then everything a run found (crawl map opened by keyboard, scenarios
 * sorted by RPN, every test status with the failing step's screenshot and the skip reason, the kill
 * matrix, both suites), at desktop and phone width, with axe-core, no request leaving the gateway,
 * and another user kept out. Screenshots go to {@code target/web-screenshots}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebViewRunPageTest extends WebViewIntegrationTest {
  private static final String PASSWORD = "pw-never-shown-4711";

  @Test
  void theFormStartsARunAndItsPageShowsEverythingTheRunFound() throws Exception {
    try (BrowserContext context = chromium.browser.newContext(WebViewPages.desktop())) {
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
      WebViewPages.assertNoSeriousAxeViolations(page, "sign-in prompt");
      WebViewBrowser.screenshot(page, "sign-in.png");
      WebViewPages.signIn(page, TestServers.key("viewer"));

      page.getByRole(AriaRole.LINK, exact("Start a run")).first().click();
      assertThat(page.getByRole(AriaRole.HEADING, exact("Start a run"))).isVisible();
      WebViewPages.assertNoSeriousAxeViolations(page, "start form");

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

      WebViewPages.assertNoSeriousAxeViolations(page, "run page");
      WebViewBrowser.screenshot(page, "run-showcase.png");

      // My runs shows the run's figures.
      page.navigate(proxy.url() + "/#/runs");
      Locator row = page.locator("tr[data-workflow-id=\"" + id + "\"]");
      assertThat(row.locator("[data-col=tests]")).hasText("3");
      assertThat(row.locator("[data-col=pass-rate]")).hasText("75 %");
      assertThat(row.locator("[data-col=mutation-score]")).hasText("67 %");

      // A phone-width screen: nothing wider than the screen, still accessible.
      page.setViewportSize(390, 844);
      WebViewPages.assertNoHorizontalScroll(page, "runs list at phone width");
      page.navigate(proxy.url() + "/#/run/" + id);
      WebViewBrowser.assertImagesLoaded(page, "#crawl-map img.thumb");
      WebViewPages.assertNoHorizontalScroll(page, "run page at phone width");
      WebViewPages.assertNoSeriousAxeViolations(page, "run page at phone width");
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
      try (BrowserContext other = chromium.browser.newContext(WebViewPages.desktop())) {
        Page bob = other.newPage();
        List<Integer> statuses = Collections.synchronizedList(new ArrayList<>());
        bob.onResponse(
            r -> {
              if (r.url().contains(id)) statuses.add(r.status());
            });
        bob.navigate(proxy.url() + "/#/run/" + id);
        WebViewPages.signIn(bob, TestServers.key("outsider"));
        assertThat(bob.getByRole(AriaRole.HEADING, exact("Run not found"))).isVisible();
        assertThat(bob.locator("body")).not().containsText(TARGET);
        assertThat(statuses).isNotEmpty().allMatch(s -> s == 404);
      }
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
}
