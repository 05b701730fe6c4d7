package io.testgen.testkit.sites.corpus;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Playwright;
import java.nio.file.Paths;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Headless Chromium for the corpus apps' browser tests, as a static extension
 * ({@code @RegisterExtension}): launched before the class ({@code TESTGEN_CHROMIUM_PATH}, default
 * {@code /usr/bin/chromium}), closed after it.
 */
final class HeadlessChromium implements BeforeAllCallback, AfterAllCallback {
  private Playwright playwright;
  private Browser browser;

  @Override
  public void beforeAll(ExtensionContext context) {
    playwright =
        Playwright.create(
            new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser =
        playwright
            .chromium()
            .launch(
                new BrowserType.LaunchOptions()
                    .setExecutablePath(
                        Paths.get(
                            System.getenv()
                                .getOrDefault("TESTGEN_CHROMIUM_PATH", "/usr/bin/chromium")))
                    .setHeadless(true));
  }

  BrowserContext newContext() {
    return browser.newContext();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (playwright != null) playwright.close();
  }
}
