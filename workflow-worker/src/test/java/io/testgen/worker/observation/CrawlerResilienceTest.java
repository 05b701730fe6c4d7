package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.crawler;
import static io.testgen.worker.observation.SharedBrowser.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Pages that answer errors mid-crawl are findings; heartbeat checkpoints always serialise. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class CrawlerResilienceTest {
  private static final ObjectMapper JSON = JsonMapperFactory.shared();

  /** An observer that keeps every checkpoint as JSON and fails when one does not serialise. */
  static CrawlObserver checkpointsAsJson(List<String> checkpoints) {
    return (fraction, data, checkpoint) -> {
      try {
        checkpoints.add(JSON.writeValueAsString(checkpoint.get()));
      } catch (Exception e) {
        throw new AssertionError("checkpoint did not serialise", e);
      }
    };
  }

  static CrawlSettings fastTicks() {
    return CrawlSettings.defaults()
        .with(
            s -> {
              s.pageTimeout = Duration.ofSeconds(4);
              s.runBudget = Duration.ofSeconds(90);
              s.screenshots = false;
              s.tickInterval = Duration.ofMillis(20);
            });
  }

  @Test
  void pagesAnswering404And500MidCrawlBecomeFindingsAndEveryCheckpointSerialises()
      throws Exception {
    AtomicInteger flakyCalls = new AtomicInteger();
    List<String> checkpoints = new CopyOnWriteArrayList<>();
    ObservationResult result;
    try (FixtureServer site = FixtureServer.start()) {
      site.get(
              "/",
              r ->
                  FixtureResponse.html(
                      "<html><body><h1>Home</h1><nav><a href=\"/a\">A</a> <a href=\"/gone\">Gone</a>"
                          + " <a href=\"/broken\">Broken</a> <a href=\"/flaky\">Flaky</a></nav>"
                          + "</body></html>"))
          .get(
              "/a",
              r ->
                  FixtureResponse.html(
                      "<html><body><h1>Page A</h1><p>Text</p><a href=\"/flaky\">again</a>"
                          + "<a href=\"/b\">B</a></body></html>"))
          .get(
              "/b",
              r ->
                  FixtureResponse.html(
                      "<html><body><h2>Page B</h2><table><tr><td>1</td></tr></table></body></html>"))
          .get("/gone", r -> FixtureResponse.html(404, "<h1>Not found</h1>"))
          .get("/broken", r -> FixtureResponse.html(500, "<h1>Server error</h1>"))
          // answers once, then breaks: the crawl sees it fail while it is running
          .get(
              "/flaky",
              r ->
                  flakyCalls.incrementAndGet() == 1
                      ? FixtureResponse.html(200, "<h1>Flaky</h1>")
                      : FixtureResponse.html(500, "<h1>Oops</h1>"));
      site.withLatency(40);
      result =
          crawler(fastTicks())
              .crawl(
                  request("wf-resilience", site.url("/"), 3, 30),
                  null,
                  checkpointsAsJson(checkpoints));
      assertThat(result.findings())
          .contains(
              new Finding("http_error", site.url("/gone"), 404, "HTTP 404"),
              new Finding("http_error", site.url("/broken"), 500, "HTTP 500"));
    }
    assertThat(checkpoints.size()).isGreaterThan(2);
    // the last checkpoint, read back, resumes: the error pages stay visited, no NPE
    CrawlCheckpoint last =
        JSON.readValue(checkpoints.get(checkpoints.size() - 1), CrawlCheckpoint.class);
    CrawlModel model = new CrawlModel(30, 5);
    model.restore(last);
    assertThat(JSON.writeValueAsString(model.checkpoint(1))).isNotEmpty();
    assertThat(result.states())
        .extracting(s -> SharedBrowser.pathOf(s.url()))
        .contains("/", "/a", "/b");
    assertThat(JSON.readValue(JSON.writeValueAsString(result), ObservationResult.class))
        .isEqualTo(result);
  }

  @Test
  void theAppsOwnErrorPagesAreStatesWhoseLinksLeadOnAndBareErrorsOnlyFindings() throws Exception {
    String frame = "<nav><a href=\"/\">Home</a></nav>";
    ObservationResult result;
    try (FixtureServer site = FixtureServer.start()) {
      site.get(
              "/",
              r ->
                  FixtureResponse.html(
                      "<html><head><title>Shop</title></head><body>"
                          + frame
                          + "<h1>Shop</h1><a href=\"/old-news\">Old news</a>"
                          + " <a href=\"/profile\">Profile</a> <a href=\"/bare\">Bare</a>"
                          + " <a href=\"/about\">About</a></body></html>"))
          .get(
              "/about",
              r ->
                  FixtureResponse.html(
                      "<html><head><title>About</title></head><body>"
                          + frame
                          + "<h1>About us</h1><p>Who we are.</p></body></html>"))
          // the same frame and shape as /about, answering 404, linking to a page nothing else
          // links to
          .get(
              "/old-news",
              r ->
                  FixtureResponse.html(
                      404,
                      "<html><head><title>Not found</title></head><body>"
                          + frame
                          + "<h1>Page not found</h1><p><a href=\"/help\">Get help</a></p>"
                          + "</body></html>"))
          .get(
              "/profile",
              r ->
                  FixtureResponse.html(
                      500,
                      "<html><head><title>Error</title></head><body>"
                          + frame
                          + "<h1>Something went wrong</h1></body></html>"))
          .get("/bare", r -> FixtureResponse.html(404, "Not Found"))
          .get(
              "/help",
              r ->
                  FixtureResponse.html(
                      "<html><head><title>Help</title></head><body>"
                          + frame
                          + "<h1>Help</h1></body></html>"));
      result =
          crawler(fastTicks())
              .crawl(request("wf-error-pages", site.url("/"), 3, 30), null, (f, d, c) -> {});
      assertThat(result.findings())
          .contains(
              new Finding("http_error", site.url("/old-news"), 404, "HTTP 404"),
              new Finding("http_error", site.url("/profile"), 500, "HTTP 500"),
              new Finding("http_error", site.url("/bare"), 404, "HTTP 404"));
      assertThat(result.states())
          .extracting(s -> SharedBrowser.pathOf(s.url()) + " " + s.httpStatus())
          .containsExactlyInAnyOrder(
              "/ 200", "/about 200", "/old-news 404", "/profile 500", "/help 200");
      // the error page is its own state although it has the layout of /about
      assertThat(result.states())
          .filteredOn(s -> SharedBrowser.pathOf(s.url()).equals("/old-news"))
          .singleElement()
          .satisfies(s -> assertThat(s.instanceUrls()).containsExactly(site.url("/old-news")));
    }
  }

  @Test
  void checkpointOfAModelWithErrorPagesSerialises() throws Exception {
    CrawlModel model = new CrawlModel(10, 5);
    model.offerUrl("http://127.0.0.1:1/", 0, null, null, 0);
    model.visited("http://127.0.0.1:1/missing", null);
    model.visited(null, null);
    String json = JSON.writeValueAsString(model.checkpoint(5));
    CrawlCheckpoint back = JSON.readValue(json, CrawlCheckpoint.class);
    assertThat(back.urlStates()).isEmpty();
    assertThat(back.frontier()).hasSize(1);
  }
}
