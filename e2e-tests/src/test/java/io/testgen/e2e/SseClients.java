package io.testgen.e2e;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Flow;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Many SSE clients in one process without a thread each: one {@link HttpClient} (one selector
 * thread, two worker threads) whose line subscribers record, for every event that carries a
 * publisher timestamp, how long it took from publication to arrival here.
 */
final class SseClients implements AutoCloseable {
  private static final String TIMESTAMP = "\"timestamp\":\"";

  private final ExecutorService executor = Executors.newFixedThreadPool(2);
  private final HttpClient http =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .executor(executor)
          .connectTimeout(Duration.ofSeconds(30))
          .build();
  private final List<Client> clients = new ArrayList<>();
  private final List<CompletableFuture<?>> responses = new ArrayList<>();
  private final AtomicInteger connected = new AtomicInteger();
  private final AtomicInteger refused = new AtomicInteger();
  private long[] latencies = new long[4096];
  private int count;

  /** Opens a client on {@code url}, after {@code lastEventId} (null: from the start). */
  void open(String url, String apiKey, String lastEventId) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create(url))
            .header("Authorization", "Bearer " + apiKey)
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) request.header("Last-Event-ID", lastEventId);
    Client client = new Client();
    clients.add(client);
    responses.add(
        http.sendAsync(
            request.build(),
            info -> {
              if (info.statusCode() != 200) {
                refused.incrementAndGet();
                return HttpResponse.BodySubscribers.discarding();
              }
              connected.incrementAndGet();
              return HttpResponse.BodySubscribers.fromLineSubscriber(client);
            }));
  }

  /**
   * Waits until every client opened so far has its response headers (or was refused), at most
   * {@code timeout}; false if some have neither by then (they are reported as not connected).
   */
  boolean awaitConnected(Duration timeout) throws InterruptedException {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (connected.get() + refused.get() < clients.size()) {
      if (System.nanoTime() > deadline) return false;
      Thread.sleep(20);
    }
    return true;
  }

  int opened() {
    return clients.size();
  }

  int connected() {
    return connected.get();
  }

  int refused() {
    return refused.get();
  }

  /** Latencies recorded so far, ms, sorted. */
  synchronized long[] latencies() {
    long[] sorted = Arrays.copyOf(latencies, count);
    Arrays.sort(sorted);
    return sorted;
  }

  private synchronized void record(long millis) {
    if (count == latencies.length) latencies = Arrays.copyOf(latencies, count * 2);
    latencies[count++] = millis;
  }

  /** Hangs up every client. */
  @Override
  public void close() {
    clients.forEach(Client::cancel);
    responses.forEach(r -> r.cancel(true));
    executor.shutdownNow();
    try {
      executor.awaitTermination(5, TimeUnit.SECONDS);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  /** One client: reads lines, times every {@code data:} line carrying a timestamp. */
  private final class Client implements Flow.Subscriber<String> {
    private volatile Flow.Subscription subscription;

    @Override
    public void onSubscribe(Flow.Subscription subscription) {
      this.subscription = subscription;
      subscription.request(Long.MAX_VALUE);
    }

    @Override
    public void onNext(String line) {
      if (!line.startsWith("data:")) return;
      int at = line.indexOf(TIMESTAMP);
      if (at < 0) return;
      int from = at + TIMESTAMP.length();
      Instant published = Instant.parse(line.substring(from, line.indexOf('"', from)));
      record(Math.max(0, Duration.between(published, Instant.now()).toMillis()));
    }

    @Override
    public void onError(Throwable throwable) {}

    @Override
    public void onComplete() {}

    void cancel() {
      Flow.Subscription s = subscription;
      if (s != null) s.cancel();
    }
  }
}
