package io.testgen.testkit.sites.corpus;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import io.testgen.testkit.browser.Chromium;
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
    playwright = Chromium.playwright();
    browser = Chromium.launch(playwright);
  }

  BrowserContext newContext() {
    return browser.newContext();
  }

  @Override
  public void afterAll(ExtensionContext context) {
    if (playwright != null) playwright.close();
  }
}
