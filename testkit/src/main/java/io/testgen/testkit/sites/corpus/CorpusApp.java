package io.testgen.testkit.sites.corpus;

import io.testgen.testkit.sites.FixtureServer;

/**
 * A realistic app of the fixture corpus, shaped like the apps users really test, with its {@link
 * GroundTruth} beside it. One instance holds one app's data; {@link #install} adds its routes to a
 * server.
 */
public interface CorpusApp {
  /** {@code crud-shop}, {@code todo-spa}, {@code todo-wc}, {@code admin} or {@code hostile}. */
  String name();

  /** Adds the app's routes to {@code server}; returns it. */
  FixtureServer install(FixtureServer server);

  /** Back to the seeded data (nothing stored by earlier requests). */
  void reset();

  /**
   * The app's hand-written fault catalogue and its switch ({@link FaultSwitch#inject}, {@link
   * FaultSwitch#heal}); an app without one answers an empty catalogue.
   */
  default FaultSwitch faults() {
    return NO_FAULTS;
  }

  /** The switch of an app without a catalogue: nothing to inject. */
  FaultSwitch NO_FAULTS = new FaultSwitch();

  /** The app's ground truth, from {@code corpus/<name>.json}. */
  default GroundTruth groundTruth() {
    return GroundTruth.load(name());
  }

  /** Runs {@code app} until killed on the port in {@code args[0]} (default 8090). */
  static void serve(CorpusApp app, String[] args) throws InterruptedException {
    int port = args.length > 0 ? Integer.parseInt(args[0]) : 8090;
    FixtureServer server = app.install(FixtureServer.start(port));
    System.out.println(app.name() + " corpus app on " + server.baseUrl());
    Thread.currentThread().join();
  }
}
