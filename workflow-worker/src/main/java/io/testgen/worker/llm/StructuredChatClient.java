package io.testgen.worker.llm;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.request.ChatRequest;
import dev.langchain4j.model.chat.response.ChatResponse;
import dev.langchain4j.model.output.TokenUsage;
import io.testgen.common.agents.requirements.LlmReport;
import io.testgen.common.agents.requirements.TokenUsageRecord;
import io.testgen.common.json.JsonMapperFactory;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Asks a {@link ChatModel} for JSON and parses it into a record: the fallback policy in one place.
 * It never throws; a timeout, an error or unparseable output come back as a {@link ChatOutcome}
 * with a reason, so callers keep their deterministic result.
 */
public final class StructuredChatClient {
  private static final ExecutorService CALLS =
      Executors.newCachedThreadPool(
          runnable -> {
            Thread thread = new Thread(runnable, "testgen-llm-call");
            thread.setDaemon(true);
            return thread;
          });

  private final ChatModel model;
  private final String providerName;
  private final String modelName;
  private final Duration timeout;
  private final ObjectMapper json = JsonMapperFactory.create();

  public StructuredChatClient(
      ChatModel model, String providerName, String modelName, Duration timeout) {
    this.model = model;
    this.providerName = providerName;
    this.modelName = modelName;
    this.timeout = timeout;
  }

  /** A client for {@code settings}, or null when they say no LLM. */
  public static StructuredChatClient fromSettings(LlmSettings settings) {
    return ChatModelFactory.create(settings)
        .map(
            model ->
                new StructuredChatClient(
                    model,
                    settings.provider().wireName(),
                    settings.modelName(),
                    settings.timeout()))
        .orElse(null);
  }

  public String providerName() {
    return providerName;
  }

  public String modelName() {
    return modelName;
  }

  /**
   * What one call did, for the agent's result: a fallback with the reason when it failed, else the
   * changes applied and rejected.
   */
  public LlmReport report(ChatOutcome<?> outcome, int applied, int rejected) {
    boolean failed = !outcome.succeeded();
    return new LlmReport(
        true,
        providerName(),
        modelName(),
        failed,
        failed ? outcome.failureReason() : null,
        List.of(outcome.usage()),
        failed ? 0 : applied,
        failed ? 0 : rejected);
  }

  /** Sends the two prompts and parses the reply as {@code type} (snake_case JSON). */
  public <T> ChatOutcome<T> askForJson(
      String purpose, String systemPrompt, String userPrompt, Class<T> type) {
    long started = System.nanoTime();
    ChatRequest request =
        ChatRequest.builder()
            .messages(SystemMessage.from(systemPrompt), UserMessage.from(userPrompt))
            .build();
    ChatResponse response;
    CompletableFuture<ChatResponse> call =
        CompletableFuture.supplyAsync(() -> model.chat(request), CALLS);
    try {
      // The HTTP client has its own timeout; this one also bounds slow fakes and stuck streams.
      response = call.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      call.cancel(true);
      return failure(purpose, started, null, "timeout after " + timeout.toSeconds() + " s");
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return failure(purpose, started, null, "error: interrupted");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      return failure(purpose, started, null, "error: " + describe(cause));
    }
    TokenUsage tokens = response == null ? null : response.tokenUsage();
    String text =
        response == null || response.aiMessage() == null ? null : response.aiMessage().text();
    if (text == null || text.isBlank()) {
      return failure(purpose, started, tokens, "invalid output: empty reply");
    }
    try {
      T value = json.readValue(extractJson(text), type);
      if (value == null) {
        return failure(purpose, started, tokens, "invalid output: null");
      }
      return new ChatOutcome<>(value, usage(purpose, started, tokens), null);
    } catch (JsonProcessingException e) {
      return failure(
          purpose, started, tokens, "invalid output: " + firstLine(e.getOriginalMessage()));
    }
  }

  /** Models often wrap JSON in a Markdown fence or a sentence; keep the outermost object. */
  static String extractJson(String text) {
    int start = text.indexOf('{');
    int end = text.lastIndexOf('}');
    return start >= 0 && end > start ? text.substring(start, end + 1) : text.trim();
  }

  private <T> ChatOutcome<T> failure(
      String purpose, long started, TokenUsage tokens, String reason) {
    return new ChatOutcome<>(null, usage(purpose, started, tokens), reason);
  }

  private static TokenUsageRecord usage(String purpose, long started, TokenUsage tokens) {
    long millis = TimeUnit.NANOSECONDS.toMillis(System.nanoTime() - started);
    if (tokens == null) {
      return new TokenUsageRecord(purpose, null, null, null, millis);
    }
    return new TokenUsageRecord(
        purpose,
        tokens.inputTokenCount(),
        tokens.outputTokenCount(),
        tokens.totalTokenCount(),
        millis);
  }

  private static String describe(Throwable error) {
    String message = error.getMessage();
    return error.getClass().getSimpleName() + (message == null ? "" : ": " + firstLine(message));
  }

  /** Error texts may quote prompts or responses; keep reasons short. */
  private static String firstLine(String message) {
    if (message == null) {
      return "";
    }
    String line = message.lines().findFirst().orElse("");
    return line.length() > 160 ? line.substring(0, 160) + "..." : line;
  }
}
