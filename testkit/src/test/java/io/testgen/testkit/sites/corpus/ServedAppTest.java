package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;

/** Base of a corpus app's own tests: the app served fresh for each test, an HTTP session on it. */
abstract class ServedAppTest<A extends CorpusApp> {
  final A app;
  final GroundTruth truth;
  FixtureServer server;
  HttpSession http;

  ServedAppTest(A app) {
    this.app = app;
    this.truth = app.groundTruth();
  }

  @BeforeEach
  void start() {
    server = app.install(FixtureServer.start());
    http = new HttpSession(server.baseUrl());
  }

  @AfterEach
  void stop() {
    server.close();
  }

  /**
   * What {@code probe} sees healed, with {@code fault} on, and healed again, each after a reset of
   * the app's data: [healed, faulty]. Fails when healing does not give back what it saw before.
   */
  List<String> healedFaultyHealed(String fault, Supplier<String> probe) {
    app.reset();
    String healed = probe.get();
    app.reset();
    app.faults().inject(fault);
    String faulty;
    try {
      faulty = probe.get();
    } finally {
      app.faults().heal();
    }
    app.reset();
    assertThat(probe.get()).as("healing restores " + fault).isEqualTo(healed);
    return List.of(healed, faulty);
  }
}
