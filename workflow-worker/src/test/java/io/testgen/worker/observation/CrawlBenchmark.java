package io.testgen.worker.observation;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitUntilState;
import io.testgen.common.agents.observation.ObservationRequest;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.security.TargetPolicy;
import io.testgen.testkit.sites.FixtureServer;
import io.testgen.testkit.sites.observation.CatalogSite;
import io.testgen.worker.artifacts.ArtifactStore;
import io.testgen.worker.browser.BrowserPool;
import io.testgen.worker.browser.BrowserSettings;
import io.testgen.worker.browser.ContextLease;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Pages per second of the crawler against a bare Playwright loop that only navigates the same URLs
 * with the same number of contexts. Not a test: run it and read the numbers.
 *
 * <p>{@code CrawlBenchmark [contexts=2] [productsPerCategory=50] [rounds=3]}: serves the catalog
 * fixture (4 categories x N products, a checkout and a search), crawls it (depth 3, max_pages
 * 4N+10; screenshots, navigation guard and form submissions on), then navigates every URL the crawl
 * loaded in a plain loop; rounds alternate the two so a busy machine weighs on both alike.
 *
 * <pre>
 * mvn -q -o -pl workflow-worker -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=target/test-cp.txt -Dmdep.includeScope=test
 * java -cp "$(cat workflow-worker/target/test-cp.txt):workflow-worker/target/classes:workflow-worker/target/test-classes" \
 *     io.testgen.worker.observation.CrawlBenchmark 2 50 3
 * </pre>
 */
public final class CrawlBenchmark {
  private CrawlBenchmark() {}

  public static void main(String[] args) throws Exception {
    int contexts = args.length > 0 ? Integer.parseInt(args[0]) : 2;
    int perCategory = args.length > 1 ? Integer.parseInt(args[1]) : 50;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 3;
    int maxPages = 4 * perCategory + 10;
    try (FixtureServer server = FixtureServer.start();
        BrowserPool pool =
            new BrowserPool(
                BrowserSettings.fromEnvironment().withContexts(contexts),
                TargetPolicy.allowingLoopback())) {
      CatalogSite.install(server, perCategory);
      ArtifactStore artifacts = new ArtifactStore(Files.createTempDirectory("crawl-benchmark"));
      CrawlSettings settings =
          CrawlSettings.defaults()
              .with(
                  s -> {
                    s.parallelism = contexts;
                    s.maxUrlsPerPattern = 10_000;
                  });
      Crawler crawler = new Crawler(pool, artifacts, TargetPolicy.allowingLoopback(), settings);

      // warm-up: start Chromium and the Playwright drivers, JIT the crawler
      crawler.crawl(request(server.url("/"), 1, 5), null, CrawlObserver.NONE);
      bareLoop(pool, contexts, List.of(server.url("/"), server.url("/checkout")));

      // rounds alternate crawler and bare loop, so a busy machine weighs on both alike
      int crawlPages = 0;
      int barePages = 0;
      double crawlSeconds = 0;
      double bareSeconds = 0;
      ObservationResult result = null;
      for (int round = 0; round < rounds; round++) {
        AtomicReference<CrawlCheckpoint> last = new AtomicReference<>();
        long t0 = System.nanoTime();
        result =
            crawler.crawl(
                request(server.url("/"), 3, maxPages), null, (f, d, c) -> last.set(c.get()));
        crawlSeconds += (System.nanoTime() - t0) / 1e9;
        crawlPages += result.stats().pagesVisited();
        List<String> urls = new ArrayList<>(last.get().urlStates().keySet());
        long t1 = System.nanoTime();
        barePages += bareLoop(pool, contexts, urls);
        bareSeconds += (System.nanoTime() - t1) / 1e9;
      }
      double crawlRate = crawlPages / crawlSeconds;
      double bareRate = barePages / bareSeconds;
      System.out.printf(
          "crawler: %d pages in %.2f s = %.1f pages/s (per crawl: %d states, %d forms, %d actions;"
              + " %d contexts, %d rounds)%n",
          crawlPages,
          crawlSeconds,
          crawlRate,
          result.stats().statesFound(),
          result.stats().formsFound(),
          result.stats().actionsTried(),
          contexts,
          rounds);
      System.out.printf(
          "bare playwright loop: %d pages in %.2f s = %.1f pages/s (%d contexts)%n",
          barePages, bareSeconds, bareRate, contexts);
      System.out.printf("ratio crawler/bare: %.2f%n", crawlRate / bareRate);
    }
  }

  private static ObservationRequest request(String url, int depth, int pages) {
    return new ObservationRequest("benchmark", url, depth, pages, null, null, null, false);
  }

  /** Navigates every URL once, split over {@code contexts} threads; returns pages loaded. */
  static int bareLoop(BrowserPool pool, int contexts, List<String> urls) throws Exception {
    ConcurrentLinkedQueue<String> queue = new ConcurrentLinkedQueue<>(urls);
    ExecutorService threads = Executors.newFixedThreadPool(contexts);
    List<Future<Integer>> counts = new ArrayList<>();
    for (int i = 0; i < contexts; i++) {
      counts.add(
          threads.submit(
              () -> {
                int n = 0;
                try (ContextLease lease =
                    pool.acquireContext(
                        pool.guard(urls.get(0), f -> {}), new Browser.NewContextOptions())) {
                  Page page = lease.context().newPage();
                  String url;
                  while ((url = queue.poll()) != null) {
                    page.navigate(
                        url, new Page.NavigateOptions().setWaitUntil(WaitUntilState.LOAD));
                    n++;
                  }
                } finally {
                  pool.releaseThread();
                }
                return n;
              }));
    }
    int total = 0;
    for (Future<Integer> c : counts) total += c.get();
    threads.shutdown();
    return total;
  }
}
