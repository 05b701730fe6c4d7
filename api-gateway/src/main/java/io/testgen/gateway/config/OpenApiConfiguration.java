package io.testgen.gateway.config;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.ComposedSchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import io.swagger.v3.oas.models.responses.ApiResponses;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Makes the OpenAPI document tell the truth about what the gateway answers: every operation lists
 * its error answers as {@code application/problem+json} (the one error model), every property a
 * record may leave empty is nullable, and the API key is declared as the bearer scheme every
 * operation needs.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static final String API_KEY = "api_key";
  static final String PROBLEM = "Problem";

  /** Answers any operation may give. */
  private static final Map<String, String> EVERY_OPERATION =
      Map.of(
          "400", "invalid input (code and field say which)",
          "401", "no or unknown API key",
          "404", "no such run, or another user's",
          "405", "method not allowed",
          "431", "request headers too large",
          "503", "Temporal or Redis unavailable; see Retry-After");

  /** Further answers of operations that take a body and start or change runs. */
  private static final Map<String, String> WITH_BODY =
      Map.of(
          "409", "the run is not in a state that allows this",
          "413", "request body too large",
          "415", "send application/json",
          "422", "Idempotency-Key reused with a different request",
          "429", "too many active runs; see Retry-After");

  /**
   * Operations that read a run's results from the artifact store (results, suites, stage runs from
   * an earlier run), and so may answer 500 when a stored result is missing or altered.
   */
  private static final Set<String> READ_STORED_RESULTS =
      Set.of(
          "GET /api/v2/workflows/{workflowId}/results",
          "GET /api/v2/workflows/{workflowId}/suite",
          "POST /api/v2/requirements",
          "POST /api/v2/analysis",
          "POST /api/v2/evolution");

  @Bean
  OpenAPI testgenOpenApi() {
    return new OpenAPI()
        .info(new Info().title("TestGen API").version("v2"))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .description("API key: Authorization: Bearer <key>"))
                .addSchemas(PROBLEM, problemSchema()))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY));
  }

  @Bean
  OpenApiCustomizer problemsAndNullables() {
    return openApi -> {
      if (openApi.getPaths() != null) {
        openApi
            .getPaths()
            .forEach(
                (path, item) ->
                    item.readOperationsMap()
                        .forEach((method, op) -> addProblems(path, method, op)));
      }
      // springdoc drops the bean's unreferenced schemas before customizers add the references.
      if (openApi.getComponents() == null) openApi.setComponents(new Components());
      if (openApi.getComponents().getSchemas() == null
          || !openApi.getComponents().getSchemas().containsKey(PROBLEM)) {
        openApi.getComponents().addSchemas(PROBLEM, problemSchema());
      }
      if (openApi.getComponents() != null && openApi.getComponents().getSchemas() != null) {
        openApi.getComponents().getSchemas().values().forEach(OpenApiConfiguration::nullables);
      }
    };
  }

  private static void addProblems(String path, PathItem.HttpMethod method, Operation operation) {
    ApiResponses responses =
        operation.getResponses() == null ? new ApiResponses() : operation.getResponses();
    Map<String, String> answers = new LinkedHashMap<>(EVERY_OPERATION);
    if (method == PathItem.HttpMethod.POST || method == PathItem.HttpMethod.DELETE) {
      answers.putAll(WITH_BODY);
    }
    if (READ_STORED_RESULTS.contains(method.name() + " " + path)) {
      answers.put(
          "500", "ARTIFACT_CORRUPT: a stored result is missing or no longer matches its hash");
    }
    answers.forEach(
        (status, description) -> {
          if (!responses.containsKey(status))
            responses.addApiResponse(status, problem(description));
        });
    responses.setDefault(problem("any other error"));
    operation.setResponses(responses);
  }

  private static ApiResponse problem(String description) {
    return new ApiResponse()
        .description(description)
        .content(
            new Content()
                .addMediaType(
                    "application/problem+json",
                    new MediaType()
                        .schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  /** Records leave any component null unless validation requires it. */
  @SuppressWarnings({"rawtypes", "unchecked"})
  private static void nullables(Schema schema) {
    if (schema == null || schema.getProperties() == null) return;
    List<String> required = schema.getRequired() == null ? List.of() : schema.getRequired();
    Map<String, Schema> properties = new LinkedHashMap<>(schema.getProperties());
    properties.forEach(
        (name, property) -> {
          if (required.contains(name)) return;
          if (property.get$ref() == null) {
            property.setNullable(true);
          } else {
            // OpenAPI 3.0 ignores siblings of $ref: a nullable reference is an allOf of one.
            schema
                .getProperties()
                .put(
                    name,
                    new ComposedSchema()
                        .allOf(List.of(new Schema<>().$ref(property.get$ref())))
                        .nullable(true));
          }
        });
  }

  private static Schema<?> problemSchema() {
    Schema<?> fieldError =
        new ObjectSchema()
            .addProperty("field", new StringSchema().nullable(true))
            .addProperty("message", new StringSchema());
    return new ObjectSchema()
        .description("RFC 9457 problem with TestGen's stable code")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema().nullable(true))
        .addProperty("instance", new StringSchema().nullable(true))
        .addProperty("code", new StringSchema())
        .addProperty("field", new StringSchema().nullable(true))
        .addProperty("errors", new ArraySchema().items(fieldError).nullable(true));
  }
}
