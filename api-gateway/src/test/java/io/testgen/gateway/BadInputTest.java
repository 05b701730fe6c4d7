package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpRequest;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** No input makes the gateway answer 500: exact codes and fields for bad requests. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class BadInputTest extends GatewayIntegrationTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"max_depth\":2}|INVALID_URL|url",
        "{\"url\":\"\"}|INVALID_URL|url",
        "{\"url\":\"not a url\"}|INVALID_URL|url",
        "{\"url\":\"ftp://127.0.0.1/x\"}|INVALID_URL|url",
        "{\"url\":\"javascript:alert(1)\"}|INVALID_URL|url",
        "{\"url\":\"http://\"}|INVALID_URL|url",
        "{\"url\":\"http://user:pw@127.0.0.1/\"}|INVALID_URL|url",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_depth\":0}|INVALID_FIELD|max_depth",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_depth\":6}|INVALID_FIELD|max_depth",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_depth\":\"deep\"}|INVALID_FIELD|max_depth",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_pages\":0}|INVALID_FIELD|max_pages",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_pages\":501}|INVALID_FIELD|max_pages",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_scenarios\":101}|INVALID_FIELD|max_scenarios",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_scenarios\":0}|INVALID_FIELD|max_scenarios",
        "{\"url\":\"http://127.0.0.1:9/\",\"scenario_types\":[\"functional\",\"chaos\"]}|INVALID_FIELD|scenario_types",
        "{\"url\":\"http://127.0.0.1:9/\",\"scenario_types\":\"functional\"}|INVALID_FIELD|scenario_types",
        "{\"url\":\"http://127.0.0.1:9/\",\"login_credentials\":{\"username\":\"a\"}}|INVALID_FIELD|login_credentials.password",
        "{\"url\":\"http://127.0.0.1:9/\",\"review_timeout_seconds\":0}|INVALID_FIELD|review_timeout_seconds",
        "{\"url\":\"http://169.254.169.254/latest/meta-data\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://10.0.0.1/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://[fe80::1]/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://2130706433/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://[64:ff9b::a9fe:a9fe]/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://[2002:a9fe:a9fe::]/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://198.18.0.1/\"}|TARGET_NOT_ALLOWED|url",
        "{\"url\":\"http://255.255.255.255/\"}|TARGET_NOT_ALLOWED|url",
        // strict JSON: no coercion, no fractions for integers, no unknown fields, real ports
        "{\"url\":\"http://127.0.0.1:99999/\"}|INVALID_URL|url",
        "{\"url\":\"http://127.0.0.1:9/\",\"allow_destructive\":1}|INVALID_FIELD|allow_destructive",
        "{\"url\":\"http://127.0.0.1:9/\",\"allow_destructive\":\"true\"}|INVALID_FIELD|allow_destructive",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_depth\":2.5}|INVALID_FIELD|max_depth",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_pages\":1.5}|INVALID_FIELD|max_pages",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_pages\":\"2\"}|INVALID_FIELD|max_pages",
        "{\"url\":\"http://127.0.0.1:9/\",\"user_instruction\":5}|INVALID_FIELD|user_instruction",
        "{\"url\":\"http://127.0.0.1:9/\",\"max_dept\":2}|UNKNOWN_FIELD|max_dept",
        "{\"url\":\"http://127.0.0.1:9/\",\"login_credentials\":{\"username\":\"a\",\"password\":\"b\",\"pin\":1}}|UNKNOWN_FIELD|login_credentials.pin",
      })
  void invalidFieldsAreNamed(String body, String code, String field) {
    Http.Response response = as("alice").post("/api/v2/generate-tests", body);
    assertProblem(response, 400, code);
    JsonNode json = response.json();
    assertThat(json.get("field").asText()).isEqualTo(field);
    assertThat(json.get("status").asInt()).isEqualTo(400);
    assertThat(json.get("errors").get(0).get("field").asText()).isEqualTo(field);
    assertThat(json.get("errors").get(0).get("message").asText()).isNotBlank();
  }

  @Test
  void aMultipartBodyIsUnsupportedNotAServerError() {
    // Found by schemathesis: multipart/form-data without a boundary answered 500.
    for (String path : List.of("/api/v2/generate-tests", "/api/v2/analysis", "/api/v2/evolution")) {
      assertProblem(
          as("alice").post(path, "{}", "Content-Type", "multipart/form-data"),
          415,
          "UNSUPPORTED_MEDIA_TYPE");
    }
  }

  @Test
  void malformedOrMissingJson() {
    assertProblem(as("alice").post("/api/v2/generate-tests", "{\"url\":"), 400, "MALFORMED_JSON");
    assertProblem(as("alice").post("/api/v2/generate-tests", "[1,2"), 400, "MALFORMED_JSON");
    assertProblem(as("alice").post("/api/v2/generate-tests", ""), 400, "MALFORMED_JSON");
    String valid = "{\"url\":\"" + TARGET + "\"}";
    assertProblem(as("alice").post("/api/v2/generate-tests", valid + " x"), 400, "MALFORMED_JSON");
    assertProblem(as("alice").post("/api/v2/generate-tests", valid + "{}"), 400, "MALFORMED_JSON");
    assertProblem(
        as("alice")
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\",\"url\":\"" + TARGET + "\"}"),
        400,
        "MALFORMED_JSON");
    assertProblem(as("alice").post("/api/v2/generate-tests", null), 415, "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void wrongContentTypeAndAccept() {
    assertProblem(
        as("alice")
            .post(
                "/api/v2/generate-tests",
                "url=x",
                "Content-Type",
                "application/x-www-form-urlencoded"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
    assertProblem(
        as("alice").post("/api/v2/generate-tests", "<a/>", "Content-Type", "text/xml"),
        415,
        "UNSUPPORTED_MEDIA_TYPE");
  }

  @Test
  void hugeBodiesAre413() {
    String big = "{\"url\":\"" + TARGET + "\",\"user_instruction\":\"" + "x".repeat(70_000) + "\"}";
    assertProblem(as("alice").post("/api/v2/generate-tests", big), 413, "PAYLOAD_TOO_LARGE");
    // Chunked (no Content-Length): counted while read.
    HttpRequest chunked =
        as("alice")
            .request("/api/v2/generate-tests", "Content-Type", "application/json")
            .POST(
                HttpRequest.BodyPublishers.ofInputStream(
                    () -> new java.io.ByteArrayInputStream(big.getBytes())))
            .build();
    assertProblem(as("alice").send(chunked), 413, "PAYLOAD_TOO_LARGE");
  }

  @Test
  void unknownPathsWrongMethodsOddIds() {
    assertProblem(as("alice").get("/api/v2/nothing-here"), 404, "NOT_FOUND");
    assertProblem(as("alice").get("/no-such-page"), 404, "NOT_FOUND");
    // "/" is the web view's page (see WebViewAccessTest), not an unknown path.
    Http.Response wrongMethod = as("alice").get("/api/v2/generate-tests");
    assertProblem(wrongMethod, 405, "METHOD_NOT_ALLOWED");
    assertThat(wrongMethod.headers().firstValue("Allow")).contains("POST");
    assertProblem(as("alice").delete("/api/v2/workflows"), 405, "METHOD_NOT_ALLOWED");
    for (String odd :
        new String[] {
          "..%2F..%2Fetc",
          "%00",
          "a%20b",
          "%E2%98%83",
          "x'%20OR%20'1'='1",
          "-leading",
          "a".repeat(300)
        }) {
      Http.Response response = as("alice").get("/api/v2/workflows/" + odd);
      assertThat(response.status()).as(odd + ": " + response.body()).isIn(400, 404);
      assertThat(response.contentType()).as(odd).startsWith("application/problem+json");
    }
    Http.Response encodedSlash =
        as("alice").send(as("alice").request("/api/v2/workflows/a%2Fb/results").GET().build());
    assertThat(encodedSlash.status()).isIn(400, 404);
    assertThat(encodedSlash.contentType()).startsWith("application/problem+json");
  }

  @Test
  void neverA500() {
    // Well-formed base64 that visibility never issued.
    for (String token : new String[] {"AAAA", "Zm9vYmFy", "-1"}) {
      Http.Response response = as("alice").get("/api/v2/workflows?next_page_token=" + token);
      assertProblem(response, 400, "INVALID_FIELD");
      assertThat(response.json().get("field").asText()).isEqualTo("next_page_token");
    }
    assertProblem(as("alice").get("/error"), 404, "NOT_FOUND");
    assertProblem(anonymous().get("/error"), 401, "UNAUTHORIZED");
    Http.Response trace =
        as("alice")
            .send(
                as("alice")
                    .request("/api/v2/workflows")
                    .method("TRACE", HttpRequest.BodyPublishers.noBody())
                    .build());
    assertProblem(trace, 405, "METHOD_NOT_ALLOWED");
    Http.Response bigHeaders = as("alice").get("/api/v2/workflows", "X-Big", "x".repeat(20_000));
    assertProblem(bigHeaders, 431, "HEADERS_TOO_LARGE");
    String id = start("alice", "");
    assertProblem(as("alice").get("/api/v2/workflows;x=1/" + id), 404, "NOT_FOUND");
    assertProblem(as("alice").get("/api/v2/workflows/" + id + ";x=1"), 404, "NOT_FOUND");
    assertProblem(as("alice").get("/api/v2/workflows;x=1"), 404, "NOT_FOUND");
    assertThat(as("alice").get("/api/v2/workflows/" + id).status()).isEqualTo(200);
  }

  @Test
  void badListParametersAndHeaders() {
    assertProblem(as("alice").get("/api/v2/workflows?page_size=0"), 400, "INVALID_FIELD");
    assertProblem(as("alice").get("/api/v2/workflows?page_size=abc"), 400, "INVALID_FIELD");
    assertProblem(as("alice").get("/api/v2/workflows?status=sleeping"), 400, "INVALID_FIELD");
    assertProblem(
        as("alice").get("/api/v2/workflows?next_page_token=%21%21"), 400, "INVALID_FIELD");
    assertProblem(
        as("alice")
            .post(
                "/api/v2/generate-tests",
                "{\"url\":\"" + TARGET + "\"}",
                "Idempotency-Key",
                "x".repeat(201)),
        400,
        "INVALID_FIELD");
    // A bad Last-Event-ID for a run that exists (for an unknown run, 404 would hide the check).
    String id = start("alice", "\"user_instruction\":\"hold\"");
    try {
      for (String bad : new String[] {"garbage", "1-2-3", "99999999999999999999-0"}) {
        Http.Response raw =
            as("alice")
                .send(
                    java.net.http.HttpRequest.newBuilder(
                            URI.create(as("alice").base() + "/api/v2/workflows/" + id + "/stream"))
                        .header("Authorization", "Bearer " + TestServers.key("alice"))
                        .header("Last-Event-ID", bad)
                        .GET()
                        .build());
        assertProblem(raw, 400, "INVALID_FIELD");
        assertThat(raw.json().get("field").asText()).isEqualTo("Last-Event-ID");
      }
    } finally {
      as("alice").delete("/api/v2/workflows/" + id);
    }
  }
}
