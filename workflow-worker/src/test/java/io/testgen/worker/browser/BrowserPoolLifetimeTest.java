package io.testgen.worker.browser;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.DemoSite;
import io.testgen.testkit.sites.FixtureServer;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * Chromium lives exactly as long as the worker's pool: it survives the thread that happened to
 * start it, and dies with the JVM even on {@code kill -9} (issue 12, item 9), helpers included.
 */
@Timeout(value = 3, unit = TimeUnit.MINUTES)
class BrowserPoolLifetimeTest {

  /** A stand-in worker: starts the pool, opens a page, says so, then waits to be killed. */
  public static final class Holder {
    public static void main(String[] args) throws Exception {
      BrowserPool pool =
          new BrowserPool(
              BrowserSettings.fromEnvironment().withContexts(1), TargetPolicy.allowingLoopback());
      ContextLease lease =
          pool.acquireContext(pool.guard(args[0], f -> {}), new Browser.NewContextOptions());
      Page page = lease.context().newPage();
      page.navigate(args[0]);
      System.out.println("ready " + page.title());
      System.out.flush();
      Thread.currentThread().join();
    }
  }

  @Test
  void chromiumAndItsHelpersDieWithAKilledJvm() throws Exception {
    try (FixtureServer site = DemoSite.install(FixtureServer.start())) {
      Path java = Path.of(System.getProperty("java.home"), "bin", "java");
      Process worker =
          new ProcessBuilder(
                  java.toString(),
                  "-cp",
                  System.getProperty("java.class.path"),
                  Holder.class.getName(),
                  site.url("/"))
              .redirectErrorStream(true)
              .start();
      List<ProcessHandle> tree = List.of();
      try {
        assertThat(firstLineStartingWith(worker, "ready ")).isEqualTo("ready Home · Acme Tasks");
        tree = worker.descendants().toList();
        assertThat(tree)
            .as("the browser and its helpers, the Playwright driver")
            .anyMatch(p -> command(p).contains("chromium"))
            .anyMatch(p -> command(p).contains("node"));
        assertThat(tree.stream().filter(p -> command(p).contains("chromium")).count())
            .isGreaterThanOrEqualTo(3); // browser, zygotes, renderer ...

        worker.destroyForcibly(); // SIGKILL: no shutdown hook, no close()
        assertThat(worker.waitFor(10, TimeUnit.SECONDS)).isTrue();

        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (tree.stream().anyMatch(ProcessHandle::isAlive) && System.nanoTime() < deadline)
          Thread.sleep(100);
        assertThat(
                tree.stream().filter(ProcessHandle::isAlive).map(BrowserPoolLifetimeTest::command))
            .as("processes the killed JVM left behind")
            .isEmpty();
      } finally {
        worker.destroyForcibly();
        tree.forEach(ProcessHandle::destroyForcibly); // never leave orphans, even when failing
      }
    }
  }

  @Test
  void chromiumOutlivesTheThreadThatStartedIt() throws Exception {
    try (FixtureServer site = DemoSite.install(FixtureServer.start());
        BrowserPool pool =
            new BrowserPool(
                BrowserSettings.fromEnvironment().withContexts(1),
                TargetPolicy.allowingLoopback())) {
      Thread starter =
          new Thread(
              () -> {
                pool.endpoint();
                pool.releaseThread();
              });
      starter.start();
      starter.join();
      ProcessHandle chromium =
          ProcessHandle.current()
              .children()
              .filter(p -> command(p).contains("chromium"))
              .findFirst()
              .orElseThrow();
      Thread.sleep(500); // a parent-death signal tied to the finished thread would land by now
      assertThat(chromium.isAlive()).isTrue();
      try (ContextLease lease =
          pool.acquireContext(
              pool.guard(site.url("/"), f -> {}), new Browser.NewContextOptions())) {
        Page page = lease.context().newPage();
        page.navigate(site.url("/"));
        assertThat(page.title()).isEqualTo("Home · Acme Tasks");
      } finally {
        pool.releaseThread();
      }
      assertThat(pool.endpoint()).isNotNull();
      assertThat(chromium.isAlive()).isTrue();
    }
  }

  private static String command(ProcessHandle process) {
    return process.info().commandLine().orElse(process.info().command().orElse(""));
  }

  private static String firstLineStartingWith(Process process, String prefix) throws Exception {
    CompletableFuture<String> line = new CompletableFuture<>();
    Thread reader =
        new Thread(
            () -> {
              try (BufferedReader lines =
                  new BufferedReader(
                      new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
                StringBuilder seen = new StringBuilder();
                String l;
                while ((l = lines.readLine()) != null) {
                  if (l.startsWith(prefix)) line.complete(l);
                  else if (!line.isDone()) seen.append(l).append('\n');
                }
                line.completeExceptionally(new IllegalStateException("no ready line:\n" + seen));
              } catch (Exception e) {
                line.completeExceptionally(e);
              }
            });
    reader.setDaemon(true);
    reader.start();
    return line.get(90, TimeUnit.SECONDS);
  }
}
