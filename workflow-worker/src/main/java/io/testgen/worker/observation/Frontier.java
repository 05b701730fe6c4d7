package io.testgen.worker.observation;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;

/**
 * What is left to explore and the page budget: tasks best-first (goal score, then depth, then
 * discovery order), the tasks in flight, URLs already queued, and URL-pattern counts that bound
 * traps. Its own monitor; it never calls out while holding it.
 */
final class Frontier {
  /** How an offered URL was taken: queued, already known, or refused as a trap (with why). */
  record Offer(boolean queued, String trap, String pattern) {}

  private final int maxPages;
  private final int maxUrlsPerPattern;
  private final PriorityQueue<CrawlTask> queue =
      new PriorityQueue<>(
          Comparator.comparingDouble((CrawlTask t) -> -t.score())
              .thenComparingInt(CrawlTask::depth)
              .thenComparingLong(CrawlTask::seq));
  private final Set<CrawlTask> inFlight = new LinkedHashSet<>();
  private final Set<String> queuedUrls = new HashSet<>();
  private final Map<String, Integer> patternCounts = new LinkedHashMap<>();
  private int pagesVisited;
  private long seq;
  private boolean stopped;

  Frontier(int maxPages, int maxUrlsPerPattern) {
    this.maxPages = maxPages;
    this.maxUrlsPerPattern = maxUrlsPerPattern;
  }

  /** Queues a document URL unless seen or a trap. */
  synchronized Offer offerUrl(
      String normalisedUrl, int depth, String fromStateId, String label, double score) {
    if (normalisedUrl == null || queuedUrls.contains(normalisedUrl))
      return new Offer(false, null, null);
    String trap = UrlScope.shapeTrap(normalisedUrl);
    String pattern = UrlScope.pattern(normalisedUrl);
    if (trap == null && patternCounts.getOrDefault(pattern, 0) >= maxUrlsPerPattern)
      trap = "more than " + maxUrlsPerPattern + " URLs of the pattern " + pattern;
    if (trap != null) return new Offer(false, trap, pattern);
    patternCounts.merge(pattern, 1, Integer::sum);
    queuedUrls.add(normalisedUrl);
    queue.add(new CrawlTask(normalisedUrl, List.of(), depth, fromStateId, label, score, seq++));
    notifyAll();
    return new Offer(true, null, pattern);
  }

  /** Queues an in-page state reached by replaying {@code steps} after loading {@code url}. */
  synchronized void offerSteps(
      String url, List<PathStep> steps, int depth, String fromStateId, String label, double score) {
    queue.add(new CrawlTask(url, steps, depth, fromStateId, label, score, seq++));
    notifyAll();
  }

  /** Marks a URL as seen, so it is not queued again. */
  synchronized void seen(String normalisedUrl) {
    if (normalisedUrl != null) queuedUrls.add(normalisedUrl);
  }

  /** Next task, waiting while others may still add some; null when the crawl is over. */
  synchronized CrawlTask take() throws InterruptedException {
    while (true) {
      if (stopped) return null;
      if (!queue.isEmpty() && pagesVisited < maxPages) {
        CrawlTask task = queue.poll();
        inFlight.add(task);
        return task;
      }
      if (inFlight.isEmpty()) {
        stopped = true;
        notifyAll();
        return null;
      }
      wait(200);
    }
  }

  synchronized void done(CrawlTask task) {
    inFlight.remove(task);
    notifyAll();
  }

  synchronized void stop() {
    stopped = true;
    notifyAll();
  }

  /** Counts a page load against max_pages; false when the budget is spent. */
  synchronized boolean countPage() {
    if (pagesVisited >= maxPages) return false;
    pagesVisited++;
    return true;
  }

  synchronized int pagesVisited() {
    return pagesVisited;
  }

  synchronized long nextSeq() {
    return seq;
  }

  /** The tasks not done yet, in flight first (a resumed attempt redoes them). */
  synchronized List<CrawlTask> pending() {
    List<CrawlTask> pending = new ArrayList<>(inFlight);
    pending.addAll(queue);
    return pending;
  }

  synchronized Map<String, Integer> patternCounts() {
    return new LinkedHashMap<>(patternCounts);
  }

  synchronized void restore(
      List<CrawlTask> tasks,
      Set<String> visitedUrls,
      Map<String, Integer> counts,
      int pages,
      long nextSeq) {
    queue.addAll(tasks);
    tasks.forEach(t -> queuedUrls.add(t.url()));
    queuedUrls.addAll(visitedUrls);
    patternCounts.putAll(counts);
    pagesVisited = pages;
    seq = nextSeq;
  }
}
