package io.testgen.gateway;

import com.fasterxml.jackson.databind.JsonNode;
import io.testgen.common.json.JsonMapperFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/** A small HTTP client for tests: one user's API key, JSON bodies, raw responses. */
final class Http {
  static final HttpClient CLIENT =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

  private final String base;
  private final String apiKey;

  Http(int port, String apiKey) {
    this.base = "http://127.0.0.1:" + port;
    this.apiKey = apiKey;
  }

  record Response(int status, java.net.http.HttpHeaders headers, String body) {
    JsonNode json() {
      try {
        return JsonMapperFactory.shared().readTree(body);
      } catch (IOException e) {
        throw new UncheckedIOException("not JSON: " + body, e);
      }
    }

    String contentType() {
      return headers.firstValue("Content-Type").orElse("");
    }

    String code() {
      return json().path("code").asText();
    }
  }

  HttpRequest.Builder request(String path, String... headers) {
    HttpRequest.Builder builder =
        HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
    if (apiKey != null) builder.header("Authorization", "Bearer " + apiKey);
    for (int i = 0; i + 1 < headers.length; i += 2) builder.header(headers[i], headers[i + 1]);
    return builder;
  }

  Response get(String path, String... headers) {
    return send(request(path, headers).GET().build());
  }

  Response delete(String path) {
    return send(request(path).DELETE().build());
  }

  Response post(String path, String json, String... headers) {
    List<String> all = new ArrayList<>(List.of(headers));
    if (json != null && !List.of(headers).contains("Content-Type")) {
      all.add("Content-Type");
      all.add("application/json");
    }
    return send(
        request(path, all.toArray(String[]::new))
            .POST(
                json == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofString(json))
            .build());
  }

  Response send(HttpRequest request) {
    try {
      HttpResponse<String> response = CLIENT.send(request, HttpResponse.BodyHandlers.ofString());
      return new Response(response.statusCode(), response.headers(), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  String base() {
    return base;
  }
}
