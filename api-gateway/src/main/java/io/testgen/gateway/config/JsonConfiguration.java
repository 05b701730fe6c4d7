package io.testgen.gateway.config;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.cfg.CoercionAction;
import com.fasterxml.jackson.databind.cfg.CoercionInputShape;
import com.fasterxml.jackson.databind.type.LogicalType;
import io.swagger.v3.core.jackson.ModelResolver;
import io.testgen.common.json.JsonMapperFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * HTTP bodies use TestGen's one JSON configuration (snake_case), and the OpenAPI document describes
 * them with the same names. Reading client bodies is strict, unlike TestGen's shared mapper (which
 * reads what other versions of TestGen wrote): unknown fields, trailing content, duplicate keys and
 * coerced scalars ({@code 1} for true, {@code 2.5} or {@code "2"} for an integer, a number for a
 * string) are refused, so a client learns of its mistake instead of getting a run it did not ask
 * for.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  @Primary
  ObjectMapper objectMapper() {
    ObjectMapper mapper = JsonMapperFactory.create();
    // Spring's mixin flattens ProblemDetail properties (code, field, errors) into the body.
    mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    return strict(mapper);
  }

  /** The gateway's reading rules for client bodies (see the class comment). */
  static ObjectMapper strict(ObjectMapper mapper) {
    mapper
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
        .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
        .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    mapper.configure(MapperFeature.ALLOW_COERCION_OF_SCALARS, false);
    for (LogicalType type :
        new LogicalType[] {LogicalType.Boolean, LogicalType.Integer, LogicalType.Float}) {
      mapper
          .coercionConfigFor(type)
          .setCoercion(CoercionInputShape.String, CoercionAction.Fail)
          .setCoercion(CoercionInputShape.EmptyString, CoercionAction.Fail);
    }
    mapper
        .coercionConfigFor(LogicalType.Boolean)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Integer)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail);
    mapper
        .coercionConfigFor(LogicalType.Textual)
        .setCoercion(CoercionInputShape.Integer, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Float, CoercionAction.Fail)
        .setCoercion(CoercionInputShape.Boolean, CoercionAction.Fail);
    return mapper;
  }

  @Bean
  ModelResolver openApiModelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }
}
