package io.testgen.e2e;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The one allowed fake: an OpenAI-compatible chat endpoint on loopback that always answers "no
 * change" (no edits, no new scenarios, no severity adjustments), so a run with it gives the
 * rule-based results. It can hold the next request of one agent open until released, which pins
 * that agent's activity in place for as long as a test needs (to kill its worker inside it).
 */
final class FakeOpenAiServer implements AutoCloseable {
  /** Which agent a request comes from, told by its system prompt. */
  enum Purpose {
    REQUIREMENTS,
    ANALYSIS
  }

  private static final String NO_CHANGE_REQUIREMENTS = "{\"edits\":[],\"new_scenarios\":[]}";
  private static final String NO_CHANGE_ANALYSIS = "{\"adjustments\":[]}";

  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Map<Purpose, Hold> holds = new ConcurrentHashMap<>();
  private final Map<Purpose, AtomicInteger> answered = new ConcurrentHashMap<>();

  /** A request held open: {@code arrived} when it came, {@code release} lets it be answered. */
  private record Hold(CountDownLatch arrived, CountDownLatch release) {}

  private FakeOpenAiServer(HttpServer server) {
    this.server = server;
  }

  static FakeOpenAiServer start() {
    try {
      HttpServer server =
          HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
      FakeOpenAiServer fake = new FakeOpenAiServer(server);
      server.setExecutor(fake.threads);
      server.createContext("/v1/chat/completions", fake::answer);
      server.start();
      return fake;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The base URL for {@code TESTGEN_LLM_BASE_URL}. */
  String baseUrl() {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
  }

  /**
   * The worker environment that sends Requirements and Analysis here (the other agents use none).
   */
  Map<String, String> workerEnv() {
    return Map.of(
        "TESTGEN_LLM_REQUIREMENTS_PROVIDER", "openai",
        "TESTGEN_LLM_REQUIREMENTS_BASE_URL", baseUrl(),
        "TESTGEN_LLM_ANALYSIS_PROVIDER", "openai",
        "TESTGEN_LLM_ANALYSIS_BASE_URL", baseUrl(),
        "TESTGEN_LLM_MODEL", "fake-no-change");
  }

  /** The next request of {@code purpose} waits until {@link #release}. */
  void holdNext(Purpose purpose) {
    holds.put(purpose, new Hold(new CountDownLatch(1), new CountDownLatch(1)));
  }

  /** Waits until the held request of {@code purpose} has arrived. */
  void awaitHeld(Purpose purpose, Duration timeout) throws InterruptedException {
    if (!holds.get(purpose).arrived().await(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
      throw new AssertionError("no " + purpose + " LLM request within " + timeout);
    }
  }

  /** Lets the held request of {@code purpose} be answered (its caller may be long dead). */
  void release(Purpose purpose) {
    Hold hold = holds.remove(purpose);
    if (hold != null) hold.release().countDown();
  }

  /** Requests of {@code purpose} answered so far. */
  int answered(Purpose purpose) {
    return answered.computeIfAbsent(purpose, p -> new AtomicInteger()).get();
  }

  private void answer(HttpExchange exchange) throws IOException {
    String request = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
    Purpose purpose =
        request.contains("You review the severity") ? Purpose.ANALYSIS : Purpose.REQUIREMENTS;
    Hold hold = holds.get(purpose);
    if (hold != null && hold.arrived().getCount() > 0) {
      hold.arrived().countDown();
      try {
        hold.release().await(5, TimeUnit.MINUTES);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
    }
    String content = purpose == Purpose.ANALYSIS ? NO_CHANGE_ANALYSIS : NO_CHANGE_REQUIREMENTS;
    String body =
        GatewayHttp.MAPPER
            .createObjectNode()
            .put("id", "chatcmpl-fake")
            .put("object", "chat.completion")
            .put("created", 0)
            .put("model", "fake-no-change")
            .<com.fasterxml.jackson.databind.node.ObjectNode>set(
                "choices",
                GatewayHttp.MAPPER
                    .createArrayNode()
                    .add(
                        GatewayHttp.MAPPER
                            .createObjectNode()
                            .put("index", 0)
                            .put("finish_reason", "stop")
                            .set(
                                "message",
                                GatewayHttp.MAPPER
                                    .createObjectNode()
                                    .put("role", "assistant")
                                    .put("content", content))))
            .set(
                "usage",
                GatewayHttp.MAPPER
                    .createObjectNode()
                    .put("prompt_tokens", 1)
                    .put("completion_tokens", 1)
                    .put("total_tokens", 2))
            .toString();
    byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
    try (OutputStream out = exchange.getResponseBody()) {
      exchange.getResponseHeaders().set("Content-Type", "application/json");
      exchange.sendResponseHeaders(200, bytes.length);
      out.write(bytes);
      answered.computeIfAbsent(purpose, p -> new AtomicInteger()).incrementAndGet();
    } catch (IOException callerGone) {
      // the worker that asked was killed while the request was held
    }
  }

  @Override
  public void close() {
    holds.values().forEach(h -> h.release().countDown());
    server.stop(0);
    threads.shutdownNow();
  }
}
