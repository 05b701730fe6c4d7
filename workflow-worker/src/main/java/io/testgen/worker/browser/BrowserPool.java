package io.testgen.worker.browser;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.ServiceWorkerPolicy;
import io.testgen.common.agents.observation.Finding;
import io.testgen.common.security.TargetPolicy;
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
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
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
 *
 * <p>Every context it hands out is guarded: {@link #acquireContext} installs a {@link
 * NavigationGuard} (the worker's {@link TargetPolicy}, the run's origin) before anyone can open a
 * page, and blocks service workers, whose requests no route sees. There is no other way to get a
 * context, so observation, verification, repair and fault runs all pass the same check.
 *
 * <p>Chromium must not outlive the worker, even after {@code kill -9}: it is started under {@code
 * setpriv --pdeathsig KILL} (the kernel kills it when its parent thread dies; its own helper
 * processes die with it), from a launcher thread that lives as long as the pool, because the
 * parent-death signal follows the thread that forked the process, not the JVM.
 */
public final class BrowserPool implements AutoCloseable {
  private static final Logger log = LoggerFactory.getLogger(BrowserPool.class);

  private record Connection(Playwright playwright, Browser browser) {}

  /** Where {@code setpriv} (util-linux) lives on Debian and Ubuntu. */
  private static final Path SETPRIV = Path.of("/usr/bin/setpriv");

  private final BrowserSettings settings;
  private final TargetPolicy policy;
  private final Semaphore contextPermits;
  private final ExecutorService launcher =
      Executors.newSingleThreadExecutor(
          task -> {
            Thread thread = new Thread(task, "chromium-launcher");
            thread.setDaemon(true);
            return thread;
          });
  private final Map<Thread, Connection> connections = new ConcurrentHashMap<>();
  private final BrowserThreads threads = new BrowserThreads(this, "browser-worker");
  private Process chromium;
  private Path userDataDir;
  private String endpoint;
  private volatile boolean closed;

  /**
   * @param policy which hosts any context may reach (the worker's {@code TESTGEN_ALLOWED_TARGETS})
   */
  public BrowserPool(BrowserSettings settings, TargetPolicy policy) {
    this.settings = settings;
    this.policy = Objects.requireNonNull(policy, "policy");
    this.contextPermits = new Semaphore(settings.contexts(), true);
  }

  public BrowserSettings settings() {
    return settings;
  }

  /** The worker's target policy, which every guard of this pool applies. */
  public TargetPolicy policy() {
    return policy;
  }

  /**
   * A guard for a run on {@code origin} with the pool's policy, the default document size limit and
   * the navigation timeout; refusals go to {@code findings}.
   */
  public NavigationGuard guard(String origin, Consumer<Finding> findings) {
    return new NavigationGuard(
        policy,
        origin,
        findings,
        NavigationGuard.DEFAULT_MAX_DOCUMENT_BYTES,
        settings.navigationTimeout());
  }

  /** Threads that keep their connection to the browser between tasks. */
  public BrowserThreads threads() {
    return threads;
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
   * A new isolated context on the shared browser, guarded by {@code guard} from its first request
   * on, counted against {@link #parallelism()}: close the returned lease to free its slot. Use it
   * only from the calling thread.
   */
  public ContextLease acquireContext(NavigationGuard guard, Browser.NewContextOptions options) {
    Objects.requireNonNull(guard, "every context is guarded");
    Browser.NewContextOptions guarded =
        (options == null ? new Browser.NewContextOptions() : options)
            .setServiceWorkers(ServiceWorkerPolicy.BLOCK);
    try {
      contextPermits.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a browser context", e);
    }
    BrowserContext context = null;
    try {
      context = browser().newContext(guarded);
      guard.install(context);
      context.setDefaultNavigationTimeout(settings.navigationTimeout().toMillis());
      context.setDefaultTimeout(Math.min(settings.navigationTimeout().toMillis(), 10_000));
      return new ContextLease(context, contextPermits::release);
    } catch (RuntimeException e) {
      if (context != null) closeQuietly(context);
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
      if (Files.isExecutable(SETPRIV))
        command.addAll(List.of(SETPRIV.toString(), "--pdeathsig", "KILL", "--"));
      else log.warn("event=browser_orphan_risk reason=no_setpriv path={}", SETPRIV);
      command.add(settings.executable().toString());
      if (settings.headless()) command.add("--headless=new");
      command.addAll(settings.args());
      command.add("--remote-debugging-address=127.0.0.1");
      command.add("--remote-debugging-port=0");
      command.add("--user-data-dir=" + userDataDir);
      command.add("about:blank");
      ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
      chromium = launcher.submit(builder::start).get(30, TimeUnit.SECONDS);
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
    } catch (ExecutionException e) {
      throw new IllegalStateException(
          "cannot start Chromium at " + settings.executable() + ": " + e.getCause(), e.getCause());
    } catch (Exception e) {
      if (chromium != null) chromium.destroyForcibly();
      throw new IllegalStateException("Chromium did not start: " + e.getMessage(), e);
    }
  }

  private static void closeQuietly(BrowserContext context) {
    try {
      context.close();
    } catch (RuntimeException ignored) {
      // the browser may be gone already
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
    threads.close();
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
    launcher.shutdown();
    if (userDataDir != null) deleteTree(userDataDir);
  }

  /**
   * Best effort on a temp dir: Chromium's helper processes may still add or remove a file while
   * they exit, which ends a walk with an {@link java.io.UncheckedIOException}; walk again.
   */
  private static void deleteTree(Path dir) {
    for (int attempt = 0; attempt < 3 && Files.exists(dir); attempt++) {
      try (Stream<Path> paths = Files.walk(dir)) {
        paths.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      } catch (IOException | java.io.UncheckedIOException e) {
        // a file came or went during the walk
      }
    }
  }
}
