package io.testgen.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.json.JsonMapperFactory;
import io.testgen.common.progress.SseParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** A plain HTTP client for the gateway, as any user's code would call it. */
final class GatewayHttp {
  record Response(int status, String contentType, String body, byte[] bytes) {
    JsonNode json() {
      try {
        return MAPPER.readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }
  }

  /** An SSE event as received, with when it arrived. */
  record Event(String id, String type, JsonNode data, java.time.Instant arrivedAt) {}

  static final ObjectMapper MAPPER = JsonMapperFactory.create();
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String baseUrl;
  private final String apiKey;

  GatewayHttp(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl;
    this.apiKey = apiKey;
  }

  Response post(String path, String json) {
    return send(
        base(path)
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json)));
  }

  Response get(String path) {
    return send(base(path).GET());
  }

  /** GET that waits out NOT_READY (the terminal event is published just before the run closes). */
  Response getOnceClosed(String path) {
    for (int attempt = 0; ; attempt++) {
      Response response = get(path);
      if (response.status() != 404 || !response.body().contains("NOT_READY") || attempt >= 60)
        return response;
      try {
        Thread.sleep(500);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return response;
      }
    }
  }

  Response delete(String path) {
    return send(base(path).DELETE());
  }

  /**
   * Reads the run's stream until the server ends it, from the start or after {@code lastEventId}.
   */
  List<Event> stream(String workflowId, String lastEventId) {
    return stream(workflowId, lastEventId, (event, at) -> {});
  }

  /** Like {@link #stream}, telling {@code listener} of each event as it arrives. */
  List<Event> streamLive(
      String workflowId, java.util.function.BiConsumer<Event, java.time.Instant> listener) {
    return stream(workflowId, null, listener);
  }

  List<Event> stream(
      String workflowId,
      String lastEventId,
      java.util.function.BiConsumer<Event, java.time.Instant> listener) {
    HttpRequest.Builder builder =
        base("/api/v2/workflows/" + workflowId + "/stream")
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) builder.header("Last-Event-ID", lastEventId);
    try {
      HttpResponse<InputStream> response =
          http.send(
              builder.timeout(Duration.ofMinutes(10)).build(),
              HttpResponse.BodyHandlers.ofInputStream());
      if (response.statusCode() != 200) {
        throw new AssertionError(
            "stream answered "
                + response.statusCode()
                + ": "
                + new String(response.body().readAllBytes(), StandardCharsets.UTF_8));
      }
      List<Event> events = new ArrayList<>();
      SseParser.read(
          response.body(),
          message -> {
            if (message.event() == null) return true;
            Event event =
                new Event(message.id(), message.event(), json(message.data()), Instant.now());
            events.add(event);
            listener.accept(event, event.arrivedAt());
            return true;
          });
      return events;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static JsonNode json(String data) {
    try {
      return MAPPER.readTree(data == null ? "" : data);
    } catch (IOException e) {
      throw new UncheckedIOException("event data is not JSON: " + data, e);
    }
  }

  private HttpRequest.Builder base(String path) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(baseUrl + path)).timeout(Duration.ofSeconds(60));
    if (apiKey != null) builder.header("Authorization", "Bearer " + apiKey);
    return builder;
  }

  private Response send(HttpRequest.Builder builder) {
    try {
      HttpResponse<byte[]> response =
          http.send(builder.build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Response(
          response.statusCode(),
          response.headers().firstValue("Content-Type").orElse(""),
          new String(response.body(), StandardCharsets.UTF_8),
          response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
