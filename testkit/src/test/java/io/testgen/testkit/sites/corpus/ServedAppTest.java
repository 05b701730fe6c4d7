package io.testgen.testkit.sites.corpus;

import io.testgen.testkit.sites.FixtureServer;
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
}
