package io.testgen.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

/** The OpenAPI document lists every API endpoint the gateway serves. */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class OpenApiDocumentTest extends GatewayIntegrationTest {
  @Autowired
  @Qualifier("requestMappingHandlerMapping")
  RequestMappingHandlerMapping mappings;

  @Test
  void everyApiEndpointIsDocumented() {
    JsonNode paths = as("alice").get("/v3/api-docs").json().get("paths");
    Set<String> documented = new HashSet<>();
    paths
        .fields()
        .forEachRemaining(
            path ->
                path.getValue()
                    .fieldNames()
                    .forEachRemaining(
                        method ->
                            documented.add(method.toUpperCase(Locale.ROOT) + " " + path.getKey())));

    Set<String> served = new HashSet<>();
    mappings
        .getHandlerMethods()
        .forEach(
            (info, method) -> {
              for (String pattern : info.getPatternValues()) {
                if (!pattern.startsWith("/api/v2")) continue;
                info.getMethodsCondition()
                    .getMethods()
                    // a catch-all {*path} is documented as the OpenAPI parameter {path}
                    .forEach(m -> served.add(m.name() + " " + pattern.replace("{*", "{")));
              }
            });
    assertThat(served).hasSize(16); // with the web view's artifact endpoint
    assertThat(documented).containsAll(served);
    assertThat(documented)
        .contains(
            "POST /api/v2/generate-tests",
            "POST /api/v2/improve-tests",
            "POST /api/v2/observation",
            "POST /api/v2/requirements",
            "POST /api/v2/analysis",
            "POST /api/v2/evolution",
            "GET /api/v2/workflows",
            "GET /api/v2/workflows/{workflowId}",
            "DELETE /api/v2/workflows/{workflowId}",
            "GET /api/v2/workflows/{workflowId}/results",
            "GET /api/v2/workflows/{workflowId}/suite",
            "GET /api/v2/workflows/{workflowId}/stream",
            "POST /api/v2/workflows/{workflowId}/approve",
            "POST /api/v2/workflows/{workflowId}/reject",
            "POST /api/v2/workflows/{workflowId}/stream-token",
            "GET /api/v2/workflows/{workflowId}/artifacts/{path}");
    // Bodies are documented with their wire (snake_case) names.
    JsonNode request =
        as("alice")
            .get("/v3/api-docs")
            .json()
            .at("/components/schemas/GenerateTestsRequest/properties");
    assertThat(request.has("max_depth")).isTrue();
    assertThat(request.has("login_credentials")).isTrue();
  }

  @Test
  void errorsNullablesAndTheApiKeyAreDocumented() {
    JsonNode doc = as("alice").get("/v3/api-docs").json();
    assertThat(doc.at("/components/securitySchemes/api_key/type").asText()).isEqualTo("http");
    assertThat(doc.at("/components/securitySchemes/api_key/scheme").asText()).isEqualTo("bearer");
    assertThat(doc.at("/security/0").has("api_key")).isTrue();
    JsonNode start = doc.at("/paths/~1api~1v2~1generate-tests/post/responses");
    for (String status : new String[] {"202", "400", "401", "413", "415", "422", "429", "503"}) {
      assertThat(start.has(status)).as(status).isTrue();
    }
    assertThat(start.at("/400/content/application~1problem+json/schema/$ref").asText())
        .isEqualTo("#/components/schemas/Problem");
    // The reference resolves (springdoc once dropped the schema; schemathesis then skipped it).
    assertThat(doc.at("/components/schemas/Problem/properties/code").isMissingNode()).isFalse();
    assertThat(start.has("default")).isTrue();
    JsonNode status = doc.at("/paths/~1api~1v2~1workflows~1{workflowId}/get/responses");
    assertThat(status.has("404")).isTrue();
    // A stored result that is missing or altered answers 500 ARTIFACT_CORRUPT where one is read.
    for (String path :
        new String[] {
          "/paths/~1api~1v2~1workflows~1{workflowId}~1results/get/responses/500",
          "/paths/~1api~1v2~1workflows~1{workflowId}~1suite/get/responses/500",
          "/paths/~1api~1v2~1evolution/post/responses/500"
        }) {
      assertThat(doc.at(path + "/description").asText()).as(path).startsWith("ARTIFACT_CORRUPT");
      assertThat(doc.at(path + "/content/application~1problem+json/schema/$ref").asText())
          .isEqualTo("#/components/schemas/Problem");
    }
    assertThat(status.has("500")).isFalse();
    // Fields that come back null are nullable, references included.
    JsonNode runStatus = doc.at("/components/schemas/RunStatus/properties");
    assertThat(runStatus.at("/error/nullable").asBoolean()).as(runStatus.toString()).isTrue();
    assertThat(runStatus.at("/completed_at/nullable").asBoolean()).isTrue();
    JsonNode result = doc.at("/components/schemas/GenerationResult/properties/evolution_result");
    assertThat(result.at("/nullable").asBoolean()).as(result.toString()).isTrue();
  }
}
