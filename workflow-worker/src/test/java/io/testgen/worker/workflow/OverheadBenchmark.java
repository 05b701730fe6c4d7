package io.testgen.worker.workflow;

import io.temporal.activity.ActivityMethod;
import io.temporal.activity.ActivityOptions;
import io.temporal.api.common.v1.Payloads;
import io.temporal.common.converter.DataConverter;
import io.temporal.testing.TestActivityEnvironment;
import io.testgen.common.workflow.GenerationResult;
import io.testgen.testkit.bench.LoadAverage;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.worker.observation.CrawlSettings;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.time.Duration;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * What Temporal costs a run (issue 14, item 6): one run of the demo app through a real Temporal dev
 * server with the worker in this process, then each of its activities called again directly, on the
 * same activity object with the same decoded input. Per activity it prints schedule-to-start
 * (history timestamps) and payload conversion (the worker's data converter encoding and decoding
 * the input and the result, timed here) against the direct call (ratio), scheduled-to-closed
 * against the direct call, and the run's whole overhead (wall time outside activity code) as a
 * share of its wall time. The direct call runs after the run, so load swings weigh on the heavy
 * activities' ratios; the overhead columns are the steady figures. Not a test: {@code ./testgen
 * bench overhead [max_pages] [stages]}.
 */
public final class OverheadBenchmark {
  private static final int CONVERSIONS = 50;

  private OverheadBenchmark() {}

  public static void main(String[] args) throws Exception {
    int maxPages = args.length > 0 ? Integer.parseInt(args[0]) : 8;
    List<String> stages =
        args.length > 1 && !args[1].equals("all") ? Arrays.asList(args[1].split(",")) : null;
    try (FixtureServer site = DemoSite.install(FixtureServer.start());
        BenchmarkStack stack = new BenchmarkStack(CrawlSettings.defaults())) {
      System.out.printf(
          Locale.ROOT,
          "demo app, max_pages %d, stages %s, mutation analysis off; load %s%n",
          maxPages,
          stages == null ? "all" : stages,
          LoadAverage.now());
      // warm-up: Chromium, drivers, JIT of the cheap stages (Evolution's first run is measured
      // cold)
      stack.run(
          "overhead-warmup",
          BenchmarkStack.request(
              site.url("/"), 2, 3, 10, List.of("observation", "requirements", "analysis")));
      GenerationResult result =
          stack.run("overhead", BenchmarkStack.request(site.url("/"), 2, maxPages, 10, stages));
      RunHistory history = stack.history("overhead");
      System.out.printf(
          Locale.ROOT,
          "run %s: %d tests, wall %d ms, %d history events, %d B%n",
          result.status(),
          result.testCount(),
          history.wallMillis(),
          history.events(),
          history.historyBytes());

      System.out.printf(
          Locale.ROOT,
          "%n%-28s %9s %9s %9s %8s %10s %9s %9s %8s %9s%n",
          "activity",
          "sched→st",
          "convert",
          "direct",
          "ovh/dir",
          "temporal",
          "code",
          "direct",
          "tmp/dir",
          "overhead");
      double scheduleToStart = 0;
      double conversion = 0;
      double activityOverhead = 0;
      double temporalTotal = 0;
      double directTotal = 0;
      for (RunHistory.Call call : history.calls()) {
        if (call.execution() == null) continue;
        double convert = conversionMillis(stack.converter, call.execution());
        double direct = directMillis(stack.activities, call.execution());
        scheduleToStart += call.scheduleToStartMillis();
        conversion += convert;
        activityOverhead += call.overheadMillis();
        temporalTotal += call.scheduleToCloseMillis();
        directTotal += direct;
        System.out.printf(
            Locale.ROOT,
            "%-28s %6d ms %6.2f ms %6.0f ms %7.4f %7d ms %6.0f ms %6.0f ms %7.3fx %6.0f ms%n",
            call.type(),
            call.scheduleToStartMillis(),
            convert,
            direct,
            (call.scheduleToStartMillis() + convert) / Math.max(direct, 0.001),
            call.scheduleToCloseMillis(),
            call.codeMillis(),
            direct,
            call.scheduleToCloseMillis() / Math.max(direct, 0.001),
            call.overheadMillis());
      }
      double wall = history.wallMillis();
      double outsideCode = wall - history.codeMillis();
      System.out.printf(
          Locale.ROOT,
          "%nall activities: temporal %.0f ms vs direct %.0f ms = %.3fx%n",
          temporalTotal,
          directTotal,
          temporalTotal / directTotal);
      System.out.printf(
          Locale.ROOT,
          "schedule-to-start %.0f ms + payload conversion %.1f ms = %.0f ms = %.4fx the direct"
              + " calls = %.2f %% of the run's wall time (target < 5 %%)%n",
          scheduleToStart,
          conversion,
          scheduleToStart + conversion,
          (scheduleToStart + conversion) / directTotal,
          100 * (scheduleToStart + conversion) / wall);
      System.out.printf(
          Locale.ROOT,
          "per-activity overhead (scheduled→closed minus code) %.0f ms = %.2f %%; wall time outside"
              + " activity code (also workflow tasks, local activities) %.0f ms = %.2f %%%n",
          activityOverhead,
          100 * activityOverhead / wall,
          outsideCode,
          100 * outsideCode / wall);
      System.out.printf(Locale.ROOT, "load at the end %s%n", LoadAverage.now());
    }
    // Temporal's TestActivityEnvironment leaves a non-daemon timer behind
    System.exit(0);
  }

  /** Median time to encode and decode the input and the result as worker and workflow do. */
  static double conversionMillis(DataConverter converter, ActivityTimer.Execution execution) {
    Object[] args = execution.arguments();
    Object result = execution.result();
    long[] samples = new long[CONVERSIONS];
    for (int i = 0; i < CONVERSIONS; i++) {
      long t0 = System.nanoTime();
      Optional<Payloads> in = converter.toPayloads(args);
      for (int a = 0; a < args.length; a++) {
        Class<?> type = args[a] == null ? Object.class : args[a].getClass();
        converter.fromPayloads(a, in, type, type);
      }
      if (result != null) {
        Optional<Payloads> out = converter.toPayloads(result);
        converter.fromPayloads(0, out, result.getClass(), result.getClass());
      }
      samples[i] = System.nanoTime() - t0;
    }
    Arrays.sort(samples);
    return samples[CONVERSIONS / 2] / 1e6;
  }

  /**
   * The same activity method called directly on the worker's own object with the same input. An
   * activity that needs its execution context even when called directly (Evolution reads its
   * attempt number) runs in Temporal's in-process {@link TestActivityEnvironment} instead: no
   * server, no queue, the context in the calling thread.
   */
  static double directMillis(List<Object> activities, ActivityTimer.Execution execution)
      throws Exception {
    for (Object impl : activities) {
      Method method = method(impl.getClass(), execution.type());
      if (method == null) continue;
      long t0 = System.nanoTime();
      try {
        method.invoke(impl, execution.arguments());
      } catch (InvocationTargetException e) {
        if (!(e.getCause() instanceof IllegalStateException)) throw e;
        return inTestEnvironment(impl, method, execution.arguments());
      }
      return (System.nanoTime() - t0) / 1e6;
    }
    throw new IllegalStateException("no activity " + execution.type());
  }

  private static double inTestEnvironment(Object impl, Method method, Object[] args)
      throws Exception {
    TestActivityEnvironment env = TestActivityEnvironment.newInstance();
    try {
      env.registerActivitiesImplementations(impl);
      Object stub =
          env.newActivityStub(
              method.getDeclaringClass(),
              ActivityOptions.newBuilder()
                  .setStartToCloseTimeout(Duration.ofHours(1))
                  .setHeartbeatTimeout(Duration.ofMinutes(10))
                  .build());
      long t0 = System.nanoTime();
      method.invoke(stub, args);
      return (System.nanoTime() - t0) / 1e6;
    } finally {
      env.close();
    }
  }

  private static final Map<String, Method> METHODS = new LinkedHashMap<>();

  private static Method method(Class<?> impl, String activityType) {
    return METHODS.computeIfAbsent(
        impl.getName() + "#" + activityType,
        key -> {
          for (Class<?> contract : impl.getInterfaces()) {
            for (Method m : contract.getMethods()) {
              ActivityMethod annotation = m.getAnnotation(ActivityMethod.class);
              String name =
                  annotation != null && !annotation.name().isEmpty()
                      ? annotation.name()
                      : Character.toUpperCase(m.getName().charAt(0)) + m.getName().substring(1);
              if (name.equals(activityType)) return m;
            }
          }
          return null;
        });
  }
}
