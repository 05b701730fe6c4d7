package io.testgen.testkit.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.Map;

/**
 * Headless Chromium for a test that drives pages itself: the machine's binary ({@code
 * TESTGEN_CHROMIUM_PATH}, default {@code /usr/bin/chromium}); Playwright downloads nothing.
 */
public final class Chromium {
  private Chromium() {}

  /** A Playwright that never downloads a browser. */
  public static Playwright playwright() {
    return Playwright.create(
        new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
  }

  /** The machine's Chromium, headless. */
  public static Browser launch(Playwright playwright) {
    return playwright
        .chromium()
        .launch(
            new BrowserType.LaunchOptions()
                .setExecutablePath(
                    Paths.get(
                        System.getenv().getOrDefault("TESTGEN_CHROMIUM_PATH", "/usr/bin/chromium")))
                .setHeadless(true));
  }
}
