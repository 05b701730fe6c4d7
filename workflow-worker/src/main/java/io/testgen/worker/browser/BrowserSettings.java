package io.testgen.worker.browser;

import io.testgen.worker.config.EnvironmentVariables;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * How the worker's browser runs.
 *
 * @param executable Chromium binary (the system Chromium; Playwright downloads nothing)
 * @param contexts how many browser contexts may work in parallel
 * @param navigationTimeout per navigation
 */
public record BrowserSettings(
    Path executable,
    boolean headless,
    List<String> args,
    int contexts,
    Duration navigationTimeout) {

  /**
   * Flags that keep Chromium quiet on a machine without internet and without a sandbox; the
   * rendered suites launch with them too.
   */
  public static final List<String> DEFAULT_ARGS =
      List.of(
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--disable-component-update",
          "--disable-sync",
          "--no-first-run",
          "--disable-dev-shm-usage");

  /**
   * From the environment: {@code TESTGEN_CHROMIUM_PATH} (else {@code
   * PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH}, else {@code /usr/bin/chromium}), {@code
   * TESTGEN_BROWSER_CONTEXTS} (default 2), {@code TESTGEN_NAVIGATION_TIMEOUT_SECONDS} (default 15),
   * {@code TESTGEN_HEADLESS} (default true).
   */
  public static BrowserSettings fromEnvironment(Map<String, String> env) {
    String path =
        firstNonBlank(
            env.get("TESTGEN_CHROMIUM_PATH"), env.get("PLAYWRIGHT_CHROMIUM_EXECUTABLE_PATH"));
    if (path == null)
      path = Files.isExecutable(Path.of("/usr/bin/chromium")) ? "/usr/bin/chromium" : "chromium";
    EnvironmentVariables vars = new EnvironmentVariables(env);
    int contexts = vars.integer("TESTGEN_BROWSER_CONTEXTS", 2, 1, 32);
    Duration timeout =
        vars.seconds("TESTGEN_NAVIGATION_TIMEOUT_SECONDS", Duration.ofSeconds(15), 1, 600);
    boolean headless = vars.bool("TESTGEN_HEADLESS", true);
    return new BrowserSettings(Path.of(path), headless, DEFAULT_ARGS, contexts, timeout);
  }

  public static BrowserSettings fromEnvironment() {
    return fromEnvironment(System.getenv());
  }

  public BrowserSettings withContexts(int n) {
    return new BrowserSettings(executable, headless, args, n, navigationTimeout);
  }

  private static String firstNonBlank(String... values) {
    for (String v : values) if (v != null && !v.isBlank()) return v;
    return null;
  }
}
