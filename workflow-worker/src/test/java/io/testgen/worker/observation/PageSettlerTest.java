package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.ContextLease;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * A load is the requested document's, whatever the page left behind does: a page whose script
 * reloads it on a timer must not interrupt, or stand in for, the next page's load (CrawlerChaosTest
 * seed 2026 once saw a page answering 404 recorded as nothing, and another as "interrupted by
 * another navigation").
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class PageSettlerTest {

  @Test
  void aPageThatReloadsItselfDoesNotInterruptTheNextLoad() throws Exception {
    try (FixtureServer site = FixtureServer.start()) {
      // reloads itself 600 ms after it loaded: while the next page is still on its way
      site.get(
          "/restless",
          r ->
              FixtureResponse.html(
                  "<html><body><h1>Restless</h1>"
                      + "<script>setTimeout(() => location.reload(), 600)</script></body></html>"));
      site.get(
          "/missing",
          r -> {
            pause(1_500);
            return FixtureResponse.html(404, "<h1>Not found</h1>");
          });
      BrowserPool pool = SharedBrowser.pool();
      try (ContextLease lease = pool.acquireContext(pool.guard(site.url("/"), f -> {}), null)) {
        PageSettler settler =
            new PageSettler(lease.context().newPage(), Duration.ofSeconds(8), 100);

        PageSettler.Outcome restless = settler.load(site.url("/restless"));
        assertThat(restless.failed()).as("first load: %s", restless.error()).isFalse();
        PageSettler.Outcome missing = settler.load(site.url("/missing"));

        assertThat(missing.error()).isNull();
        assertThat(missing.status()).isEqualTo(404);
        assertThat(missing.url()).isEqualTo(site.url("/missing"));
        assertThat(settler.page().url()).isEqualTo(site.url("/missing"));
      }
    }
  }

  private static void pause(long millis) {
    try {
      Thread.sleep(millis); // the server is slow, not the test
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
