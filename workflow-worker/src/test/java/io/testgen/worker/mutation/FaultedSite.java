package io.testgen.worker.mutation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.evolution.GeneratedTest;
import io.testgen.testkit.sites.FixtureServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * A fixture site with the run that tests it: runs a test plainly or under one fault, and reads what
 * the app itself saw (its request log, a page fetched beside the browser). Shared by the fault
 * tests.
 */
record FaultedSite(FixtureServer site, TestRun run) {

  /** True when {@code test} passes with nothing installed. */
  boolean passes(GeneratedTest test) {
    return run.passes(test, page -> {});
  }

  /** Runs {@code test} with {@code fault} installed; true when the test passed. */
  boolean passesUnder(GeneratedTest test, Fault fault, AtomicBoolean applied) {
    AtomicBoolean[] flag = {new AtomicBoolean()};
    boolean passed =
        run.passes(test, page -> flag[0] = FaultInjector.install(page, fault, site.baseUrl()));
    applied.set(flag[0].get());
    return passed;
  }

  /** The test fails with the fault injected, and the fault was applied (it found its target). */
  void assertCaught(GeneratedTest test, Fault fault) {
    AtomicBoolean applied = new AtomicBoolean();
    assertThat(passesUnder(test, fault, applied)).as("passes under " + fault).isFalse();
    assertThat(applied).as("fault applied").isTrue();
  }

  /** The requests the app received, as "METHOD /path?query", without the favicon. */
  List<String> log() {
    return site.requests().stream()
        .filter(r -> !r.path().equals("/favicon.ico"))
        .map(
            r ->
                r.method()
                    + " "
                    + r.path()
                    + (r.query() == null || r.query().isEmpty() ? "" : "?" + r.query()))
        .toList();
  }

  /** The body of {@code path} as the app serves it now, fetched outside the browser. */
  String page(String path) throws Exception {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(URI.create(site.url(path))).build(),
            HttpResponse.BodyHandlers.ofString())
        .body();
  }
}
