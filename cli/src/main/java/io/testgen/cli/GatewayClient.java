package io.testgen.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.json.JsonMapperFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.function.Predicate;

/** The gateway's HTTP API as the CLI uses it. Problem responses become {@link ApiProblem}s. */
final class GatewayClient {
  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final ObjectMapper json = JsonMapperFactory.create();
  private final String baseUrl;
  private final String apiKey;

  GatewayClient(String baseUrl, String apiKey) {
    this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
    this.apiKey = apiKey;
  }

  JsonNode post(String path, Object body) throws IOException, InterruptedException {
    HttpRequest request =
        authorised(HttpRequest.newBuilder(URI.create(baseUrl + path)))
            .header("Content-Type", "application/json")
            .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(body)))
            .build();
    return send(request);
  }

  JsonNode get(String path) throws IOException, InterruptedException {
    return send(authorised(HttpRequest.newBuilder(URI.create(baseUrl + path))).GET().build());
  }

  JsonNode delete(String path) throws IOException, InterruptedException {
    return send(authorised(HttpRequest.newBuilder(URI.create(baseUrl + path))).DELETE().build());
  }

  byte[] download(String path) throws IOException, InterruptedException {
    HttpResponse<byte[]> response =
        http.send(
            authorised(HttpRequest.newBuilder(URI.create(baseUrl + path))).GET().build(),
            HttpResponse.BodyHandlers.ofByteArray());
    if (response.statusCode() >= 400)
      throw problem(response.statusCode(), new String(response.body(), StandardCharsets.UTF_8));
    return response.body();
  }

  /**
   * Follows a run's event stream from {@code lastEventId} (null: from the start) until the handler
   * says stop or the server ends the response. Returns the id of the last event seen.
   */
  String stream(String workflowId, String lastEventId, Predicate<SseEvent> handler)
      throws IOException, InterruptedException {
    HttpRequest.Builder builder =
        authorised(
                HttpRequest.newBuilder(
                    URI.create(baseUrl + "/api/v2/workflows/" + workflowId + "/stream")))
            .header("Accept", "text/event-stream")
            .GET();
    if (lastEventId != null) builder.header("Last-Event-ID", lastEventId);
    HttpResponse<InputStream> response =
        http.send(builder.build(), HttpResponse.BodyHandlers.ofInputStream());
    if (response.statusCode() >= 400) {
      try (InputStream body = response.body()) {
        throw problem(
            response.statusCode(), new String(body.readAllBytes(), StandardCharsets.UTF_8));
      }
    }
    String[] last = {lastEventId};
    try (BufferedReader reader =
        new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      SseReader.read(
          reader,
          event -> {
            if (event.id() != null) last[0] = event.id();
            return handler.test(event);
          });
    }
    return last[0];
  }

  private HttpRequest.Builder authorised(HttpRequest.Builder builder) {
    builder.timeout(Duration.ofMinutes(30));
    if (apiKey != null && !apiKey.isBlank()) builder.header("Authorization", "Bearer " + apiKey);
    return builder;
  }

  private JsonNode send(HttpRequest request) throws IOException, InterruptedException {
    HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() >= 400) throw problem(response.statusCode(), response.body());
    return response.body().isBlank() ? json.createObjectNode() : json.readTree(response.body());
  }

  private ApiProblem problem(int status, String body) {
    try {
      JsonNode node = json.readTree(body);
      String code = node.path("code").asText("HTTP_" + status);
      String detail = node.path("detail").asText(node.path("title").asText(body));
      return new ApiProblem(status, code, detail);
    } catch (IOException notJson) {
      return new ApiProblem(status, "HTTP_" + status, body);
    }
  }

  /** An error answer of the gateway. */
  static final class ApiProblem extends IOException {
    final int status;
    final String code;

    ApiProblem(int status, String code, String detail) {
      super(code + " (" + status + "): " + detail);
      this.status = status;
      this.code = code;
    }
  }
}
