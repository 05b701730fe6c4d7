package io.testgen.worker.observation;

import static io.testgen.worker.observation.SharedBrowser.request;
import static io.testgen.worker.observation.SharedBrowser.stateAt;
import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.Finding;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.testkit.sites.FixtureResponse;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.HostileSite;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Traps, slow and huge pages, redirect loops, other origins, metadata, errors, logout controls. */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class CrawlerHostileSiteTest {

  @Test
  void staysBoundedSafeAndOnItsOrigin() {
    AtomicInteger otherHits = new AtomicInteger();
    try (FixtureServer other = FixtureServer.start();
        FixtureServer server = FixtureServer.start()) {
      other.route(
          "/*",
          r -> {
            otherHits.incrementAndGet();
            return FixtureResponse.html(
                "<!doctype html><title>Elsewhere</title><h1>Elsewhere</h1>");
          });
      HostileSite site = HostileSite.install(server, other.baseUrl());
      CrawlSettings settings =
          CrawlSettings.defaults().with(s -> s.pageTimeout = Duration.ofSeconds(6));
      long started = System.nanoTime();
      ObservationResult result =
          SharedBrowser.crawler(settings)
              .crawl(request("wf-hostile", server.url("/"), 5, 40), null, CrawlObserver.NONE);
      long seconds = (System.nanoTime() - started) / 1_000_000_000L;

      assertThat(result.findings())
          .contains(
              new Finding("timeout", server.url("/slow"), null, "document took too long"),
              new Finding(
                  "too_large", server.url("/oversized"), 200, "document larger than 5000000 bytes"),
              new Finding("redirect_loop", server.url("/loop-a"), 303, "redirects did not settle"),
              new Finding(
                  "off_origin_redirect",
                  other.url("/elsewhere"),
                  303,
                  "redirect from " + server.url("/away")),
              new Finding(
                  "navigation_blocked",
                  "http://169.254.169.254/latest/meta-data/",
                  303,
                  "redirect from " + server.url("/metadata")),
              new Finding(
                  "navigation_blocked",
                  "http://169.254.169.254/latest/meta-data/iam.png",
                  null,
                  "host refused by target policy"),
              new Finding("http_error", server.url("/missing"), 404, "HTTP 404"),
              new Finding("http_error", server.url("/broken"), 500, "HTTP 500"),
              new Finding(
                  "skipped_destructive", server.url("/logout"), null, "click link 'Log out'"),
              new Finding("skipped_destructive", server.url("/"), null, "submit 'Delete account'"));
      assertThat(result.findings())
          .filteredOn(f -> f.kind().equals("trap"))
          .extracting(Finding::detail)
          .contains("more than 5 URLs of the pattern /calendar?month");
      // bounded: five calendar months, nothing off-origin, nothing destructive
      assertThat(site.calendarHits()).isEqualTo(5);
      assertThat(otherHits.get()).isZero();
      assertThat(site.logouts()).isZero();
      assertThat(site.deletes()).isZero();
      // the huge page is a state, kept small
      System.out.println("findings=" + result.findings());
      result
          .states()
          .forEach(
              st ->
                  System.out.println(
                      "state " + st.stateId() + " " + st.instanceUrls() + " " + st.path()));
      StateInfo huge = stateAt(result, "/huge");
      assertThat(huge.links().size() + huge.buttons().size() + huge.inputs().size()).isEqualTo(60);
      assertThat(result.findings())
          .filteredOn(f -> f.kind().equals("too_large") && f.url().equals(server.url("/huge")))
          .extracting(Finding::detail)
          .singleElement()
          .asString()
          .endsWith(" elements; snapshot and actions limited");
      assertThat(result.states()).allMatch(s -> s.url().startsWith(server.baseUrl()));
      assertThat(result.stats().pagesVisited()).isLessThanOrEqualTo(40);
      System.out.println(
          "hostile crawl seconds=" + seconds + " pages=" + result.stats().pagesVisited());
    }
  }
}
