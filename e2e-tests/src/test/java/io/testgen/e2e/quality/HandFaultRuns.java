package io.testgen.e2e.quality;

import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.corpus.CorpusApp;
import io.testgen.testkit.sites.corpus.HandFault;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Runs a generated suite against each hand-written fault of its corpus app ({@link
 * CorpusApp#faults()}): the app reset with that one fault switched on, the same suite under {@code
 * npx playwright test}, the fault healed afterwards. A fault is killed when a test fails that did
 * not already fail on the healed app. Kept apart from TestGen's own mutation analysis: these faults
 * live inside the app, written by hand, not derived from what the run observed.
 */
public final class HandFaultRuns {
  /** One fault's run: killed or not, the first test that failed, how long the run took. */
  public record FaultRun(HandFault fault, boolean killed, String firstFailure, double seconds) {}

  /** Every fault's run, in catalogue order. */
  public record Summary(List<FaultRun> runs) {
    public long killed() {
      return runs.stream().filter(FaultRun::killed).count();
    }

    /** {@code 6/7 = 86 %}, or {@code none} for an app without a catalogue. */
    public String cell() {
      if (runs.isEmpty()) return "none";
      return String.format(
          Locale.ROOT, "%d/%d = %.0f %%", killed(), runs.size(), 100.0 * killed() / runs.size());
    }
  }

  private HandFaultRuns() {}

  /**
   * Runs {@code suite} once per fault of {@code app} (installed on {@code server}) in {@code work},
   * the folder the clean run used (its {@code node_modules} link is reused). {@code cleanRun} is
   * that run: tests failing there do not count as kills. Stops at the first new failure when the
   * clean run passed throughout ({@code --max-failures=1}), so a killed fault costs one failing
   * test's time.
   */
  public static Summary run(
      CorpusApp app,
      FixtureServer server,
      byte[] suite,
      Path work,
      Map<String, String> env,
      PlaywrightTestRun.Outcome cleanRun)
      throws IOException, InterruptedException {
    List<String> failingClean = cleanRun.failedTests();
    List<String> options = failingClean.isEmpty() ? List.of("--max-failures=1") : List.of();
    List<FaultRun> runs = new ArrayList<>();
    for (HandFault fault : app.faults().catalogue()) {
      long started = System.nanoTime();
      app.reset();
      server.clearRequests();
      app.faults().inject(fault.id());
      PlaywrightTestRun.Outcome outcome;
      try {
        outcome = PlaywrightTestRun.run(suite, work, env, 2, options);
      } finally {
        app.faults().heal();
        app.reset();
      }
      List<String> newFailures =
          outcome.failedTests().stream().filter(t -> !failingClean.contains(t)).toList();
      boolean killed = !newFailures.isEmpty();
      String first = killed ? newFailures.get(0) : null;
      if (!killed && outcome.exitCode() != 0) // not a kill: the runner itself went wrong
      System.out.println("   runner failed without a failing test: " + tail(outcome.output()));
      FaultRun run = new FaultRun(fault, killed, first, (System.nanoTime() - started) / 1e9);
      runs.add(run);
      System.out.printf(
          Locale.ROOT,
          "   hand fault %-32s %-8s %5.0f s  %s%n",
          fault.id(),
          killed ? "killed" : "SURVIVED",
          run.seconds(),
          killed ? "first failed: " + first : "(" + fault.description() + ")");
    }
    return new Summary(runs);
  }

  private static String tail(String output) {
    String trimmed = output.strip();
    return trimmed.substring(Math.max(0, trimmed.length() - 300)).replace('\n', ' ');
  }
}
