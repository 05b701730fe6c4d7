package io.testgen.worker.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One Chromium per worker process, shared by every activity and thread.
 *
 * <p>Playwright Java objects may only be used from the thread that created their {@link
 * Playwright}. So the pool starts Chromium itself (with a DevTools endpoint) and gives each thread
 * that asks its own lightweight Playwright connection to that one browser. Browser contexts are
 * cheap and isolated; {@link #acquireContext} bounds how many work at once.
 */
public final class BrowserPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BrowserPool.class);

  private record Connection(Playwright playwright, Browser browser) {}

  private final BrowserSettings settings;
  private final Semaphore contextPermits;
  private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();
  private Process chromium;
  private Path userDataDir;
  private String endpoint;
  private volatile boolean closed;

  public BrowserPool(BrowserSettings settings) {
    this.settings = settings;
    this.contextPermits = new Semaphore(settings.contexts(), true);
  }

  public BrowserSettings settings() {
    return settings;
  }

  /** How many contexts may work in parallel. */
  public int parallelism() {
    return settings.contexts();
  }

  /** Context slots free right now (all of {@link #parallelism()} when every lease is closed). */
  public int availableContexts() {
    return contextPermits.availablePermits();
  }

  /** The DevTools websocket endpoint of the shared browser, starting it on first use. */
  public synchronized String endpoint() {
    if (closed) throw new IllegalStateException("browser pool is closed");
    if (chromium == null || !chromium.isAlive()) startChromium();
    return endpoint;
  }

  /** The shared browser, seen through the calling thread's own Playwright connection. */
  public Browser browser() {
    String current = endpoint();
    Thread thread = Thread.currentThread();
    Connection connection = connections.get(thread);
    if (connection == null || !connection.browser().isConnected()) {
      if (connection != null) closeQuietly(connection);
      reapDeadThreads();
      Playwright playwright =
          Playwright.create(
              new Playwright.CreateOptions()
                  .setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
      Browser browser = playwright.chromium().connectOverCDP(current);
      connection = new Connection(playwright, browser);
      connections.put(thread, connection);
    }
    return connection.browser();
  }

  /**
   * A new isolated context on the shared browser, counted against {@link #parallelism()}: close the
   * returned lease to free its slot. Use it only from the calling thread.
   */
  public ContextLease acquireContext(Browser.NewContextOptions options) {
    try {
      contextPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a browser context", e);
    }
    try {
      BrowserContext context = browser().newContext(options);
      context.setDefaultNavigationTimeout(settings.navigationTimeout().toMillis());
      context.setDefaultTimeout(Math.min(settings.navigationTimeout().toMillis(), 10_000));
      return new ContextLease(context, contextPermits::release);
    } catch (RuntimeException e) {
      contextPermits.release();
      throw e;
    }
  }

  /** Closes the calling thread's connection (for threads that end). */
  public void releaseThread() {
    Connection connection = connections.remove(Thread.currentThread());
    if (connection != null) closeQuietly(connection);
  }

  private void reapDeadThreads() {
    for (Thread thread : new ArrayList<>(connections.keySet())) {
      if (!thread.isAlive()) {
        Connection dead = connections.remove(thread);
        if (dead != null) closeQuietly(dead);
      }
    }
  }

  private void startChromium() {
    try {
      userDataDir = Files.createTempDirectory("testgen-chromium-");
      List<String> command = new ArrayList<>();
      command.add(settings.executable().toString());
      if (settings.headless()) command.add("--headless=new");
      command.addAll(settings.args());
      command.add("--remote-debugging-address=127.0.0.1");
      command.add("--remote-debugging-port=0");
      command.add("--user-data-dir=" + userDataDir);
      command.add("about:blank");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      chromium = builder.start();
      CompletableFuture<String> ws = new CompletableFuture<>();
      Thread reader =
          new Thread(
              () -> {
                try (BufferedReader lines =
                    new BufferedReader(
                        new InputStreamReader(chromium.getInputStream(), StandardCharsets.UTF_8))) {
                  String line;
                  while ((line = lines.readLine()) != null) {
                    int at = line.indexOf("ws://");
                    if (line.startsWith("DevTools listening on") && at >= 0)
                      ws.complete(line.substring(at).trim());
                  }
                } catch (IOException ignored) {
                  // process ended
                }
                ws.completeExceptionally(
                    new IllegalStateException("Chromium exited before listening"));
              },
              "chromium-output");
      reader.setDaemon(true);
      reader.start();
      endpoint = ws.get(30, TimeUnit.SECONDS);
      log.info("event=browser_started pid={} executable={}", chromium.pid(), settings.executable());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot start Chromium at " + settings.executable(), e);
    } catch (Exception e) {
      if (chromium != null) chromium.destroyForcibly();
      throw new IllegalStateException("Chromium did not start: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(Connection connection) {
    try {
      connection.playwright().close();
    } catch (RuntimeException ignored) {
      // the connection may already be gone
    }
  }

  @Override
  public synchronized void close() {
    closed = true;
    connections.values().forEach(BrowserPool::closeQuietly);
    connections.clear();
    if (chromium != null) {
      chromium.destroy();
      try {
        if (!chromium.waitFor(5, TimeUnit.SECONDS))
          chromium.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    if (userDataDir != null) {
      try (Stream<Path> paths = Files.walk(userDataDir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException ignored) {
        // temp dir; best effort
      }
    }
  }
}
