package io.testgen.worker.evolution;

import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.browser.TestBrowsers;
import java.util.Map;

/** The executor tests run live steps with: the shared test browser, a fixture site, no secrets. */
final class Executors {
  private Executors() {}

  static TestExecutor on(FixtureServer site) {
    return new TestExecutor(
        TestBrowsers.shared(),
        site.baseUrl(),
        Map.of(),
        null,
        EvolutionSettings.defaults(),
        new VerificationStop());
  }
}
