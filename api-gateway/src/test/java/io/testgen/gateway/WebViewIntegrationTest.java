package io.testgen.gateway;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/**
 * Base of the web view's browser tests: one headless Chromium per test class and a proxy in front
 * of the gateway that can drop connections (for the stream's resume).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class WebViewIntegrationTest extends GatewayIntegrationTest {
  WebViewBrowser chromium;
  DroppingProxy proxy;

  @BeforeAll
  void openBrowser() throws Exception {
    chromium = new WebViewBrowser();
    proxy = new DroppingProxy(port);
  }

  @AfterAll
  void closeBrowser() throws Exception {
    if (proxy != null) proxy.close();
    if (chromium != null) chromium.close();
  }
}
