package io.testgen.gateway;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static io.testgen.gateway.WebViewBrowser.RUN_HASH;
import static io.testgen.gateway.WebViewBrowser.exact;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Request;
import com.microsoft.playwright.Route;
import com.microsoft.playwright.options.AriaRole;
import io.testgen.common.progress.ProgressEvent;
import io.testgen.common.progress.ProgressEventType;
import io.testgen.testkit.browser.WebViewPages;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import redis.clients.jedis.UnifiedJedis;

/**
 * The web view's list and live run in headless Chromium against the real gateway (fake workflow,
 * real Temporal and Redis), reached through a proxy that can cut connections: sign-in by keyboard,
 * My runs filtered by status and paged, a baseline offered, the review gate approved, a live stream
 * that resumes without gaps after a dropped connection, cancel; and proof that the axe-core check
 * fails on a serious violation. Screenshots go to {@code target/web-screenshots}.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class WebViewLiveAndListTest extends WebViewIntegrationTest {
  @Test
  void myRunsFiltersByStatusAndPages() {
    String oldest = completedRuns("pager", 11).get(10);
    String failed = failedRun("pager");

    try (BrowserContext context = chromium.browser.newContext(WebViewPages.desktop())) {
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
      WebViewPages.assertNoSeriousAxeViolations(page, "runs list");
      WebViewBrowser.screenshot(page, "runs.png");
      next.click();
      assertThat(rows).hasCount(2);
      assertThat(next).isDisabled();
      assertThat(rows.last()).hasAttribute("data-workflow-id", oldest);
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
      assertThat(baseline.locator("option[value=\"" + oldest + "\"]")).hasCount(1);
      assertThat(baseline.locator("option[value=\"" + failed + "\"]")).hasCount(0);
      page.getByLabel("App URL").fill(TARGET);
      baseline.selectOption(oldest);
      Request started =
          page.waitForRequest(
              r -> r.url().endsWith("/api/v2/generate-tests"),
              () -> page.getByRole(AriaRole.BUTTON, exact("Start run")).click());
      assertThat(started.postData()).contains("\"baseline_workflow_id\":\"" + oldest + "\"");
      page.waitForURL(RUN_HASH);
      assertThat(page.locator("#live")).hasAttribute("data-status", "completed");
    }
  }

  @Test
  void theReviewGateIsApprovedFromThePageAndAStreamResumesWithoutGapsAfterADrop() {
    try (BrowserContext context = chromium.browser.newContext(WebViewPages.desktop());
        UnifiedJedis redis = new UnifiedJedis(TestServers.redis().url())) {
      Page page = context.newPage();
      page.navigate(proxy.url() + "/");
      WebViewPages.signIn(page, TestServers.key("watcher"));

      // The review gate: approve, and the run goes on to complete.
      page.navigate(proxy.url() + "/#/new");
      page.getByLabel("App URL").fill(TARGET);
      page.getByLabel("Instruction").fill("showcase");
      page.getByLabel("Review the scenarios before tests are made").check();
      page.getByRole(AriaRole.BUTTON, exact("Start run")).click();
      page.waitForURL(RUN_HASH);
      assertThat(page.locator("#review")).isVisible();
      assertThat(page.locator("#live")).hasAttribute("data-status", "awaiting_review");
      WebViewPages.assertNoSeriousAxeViolations(page, "review gate");
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
      assertLogShows(logged, ids);
      assertThat(live).hasAttribute("data-connections", "1");
      assertThat(page.locator(".agent[data-agent=observation]"))
          .hasAttribute("data-state", "completed");
      assertThat(page.locator(".agent[data-agent=requirements]"))
          .hasAttribute("data-state", "running");
      WebViewBrowser.screenshot(page, "live-run.png");

      // A reconnect the gateway refuses (as when the stream token has expired): the page takes a
      // new token, opens the stream from the start and skips the events it already shows.
      List<Integer> refused = new ArrayList<>();
      page.route(
          url -> url.contains("/stream?token="),
          route -> {
            refused.add(401);
            route.fulfill(
                new Route.FulfillOptions()
                    .setStatus(401)
                    .setContentType("application/problem+json")
                    .setBody("{\"code\":\"UNAUTHORIZED\",\"detail\":\"token expired\"}"));
          },
          new Page.RouteOptions().setTimes(1));
      proxy.dropAll();
      ids.add(xadd(redis, held, ProgressEventType.AGENT_PROGRESS, "requirements", 0.4, "12 found"));
      assertThat(live).hasAttribute("data-connections", "2");
      assertLogShows(logged, ids);
      assertThat(refused).hasSize(1);
      assertThat(page.locator(".agent[data-agent=requirements] .message")).hasText("12 found");

      // Cancel from the page.
      page.getByRole(AriaRole.BUTTON, exact("Cancel run")).click();
      assertThat(live).hasAttribute("data-status", "cancelled");
      assertThat(page.getByRole(AriaRole.BUTTON, exact("Cancel run"))).isHidden();
    }
  }

  @Test
  void theAxeCheckFailsOnASeriousViolation() {
    try (BrowserContext context = chromium.browser.newContext(WebViewPages.desktop())) {
      Page page = context.newPage();
      page.setContent(
          "<!doctype html><html lang='en'><head><title>bad</title></head><body><main>"
              + "<h1>Low contrast</h1><p style='color:#bbb;background:#fff'>hard to read</p>"
              + "</main></body></html>");
      assertThatThrownBy(() -> WebViewPages.assertNoSeriousAxeViolations(page, "bad page"))
          .isInstanceOf(AssertionError.class)
          .hasMessageContaining("serious color-contrast");
    }
  }

  /** The page's event log shows exactly the events {@code ids}, in order: no gap, no repeat. */
  private static void assertLogShows(Locator logged, List<String> ids) {
    assertThat(logged).hasCount(ids.size());
    assertThat(logged.evaluateAll("lis => lis.map(l => l.dataset.eventId)")).isEqualTo(ids);
  }

  private static String xadd(
      UnifiedJedis redis,
      String workflowId,
      ProgressEventType type,
      String agent,
      double progress,
      String message) {
    return ProgressStreamWriter.append(
        redis,
        new ProgressEvent(type, workflowId, agent, progress, message, Map.of(), Instant.now()));
  }
}
