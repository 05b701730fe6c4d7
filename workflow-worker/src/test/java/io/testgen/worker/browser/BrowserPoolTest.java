package io.testgen.worker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 5, unit = TimeUnit.MINUTES)
class BrowserPoolTest {
  static FixtureServer site;
  static BrowserPool pool;

  @BeforeAll
  static void start() {
    site = DemoSite.install(FixtureServer.start());
    pool =
        new BrowserPool(
            BrowserSettings.fromEnvironment().withContexts(2), TargetPolicy.allowingLoopback());
  }

  @AfterAll
  static void stop() {
    pool.close();
    site.close();
  }

  @Test
  void threadsShareOneChromiumThroughTheirOwnConnections() throws Exception {
    ExecutorService threads = Executors.newFixedThreadPool(3);
    try {
      List<Future<String>> titles =
          threads.invokeAll(
              List.of(() -> titleOf("/"), () -> titleOf("/about"), () -> titleOf("/tasks")));
      assertThat(titles.get(0).get()).isEqualTo("Home · Acme Tasks");
      assertThat(titles.get(1).get()).isEqualTo("About · Acme Tasks");
      assertThat(titles.get(2).get()).isEqualTo("Tasks · Acme Tasks");
    } finally {
      threads.shutdownNow();
    }
    assertThat(pool.endpoint()).startsWith("ws://127.0.0.1:");
  }

  private String titleOf(String path) {
    try (ContextLease lease =
        pool.acquireContext(pool.guard(site.baseUrl(), f -> {}), new Browser.NewContextOptions())) {
      Page page = lease.context().newPage();
      page.navigate(site.url(path));
      return page.title();
    } finally {
      pool.releaseThread();
    }
  }
}
