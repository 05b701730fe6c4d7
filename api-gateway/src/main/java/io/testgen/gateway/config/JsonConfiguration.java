package io.testgen.gateway.config;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.swagger.v3.core.jackson.ModelResolver;
import io.testgen.common.json.JsonMapperFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.json.ProblemDetailJacksonMixin;

/**
 * HTTP bodies use TestGen's one JSON configuration (snake_case), and the OpenAPI document describes
 * them with the same names.
 */
@Configuration(proxyBeanMethods = false)
class JsonConfiguration {

  @Bean
  @Primary
  ObjectMapper objectMapper() {
    ObjectMapper mapper = JsonMapperFactory.create();
    // Spring's mixin flattens ProblemDetail properties (code, field, errors) into the body.
    mapper.addMixIn(ProblemDetail.class, ProblemDetailJacksonMixin.class);
    return mapper;
  }

  @Bean
  ModelResolver openApiModelResolver(ObjectMapper objectMapper) {
    return new ModelResolver(objectMapper);
  }
}
