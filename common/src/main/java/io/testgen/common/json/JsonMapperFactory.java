package io.testgen.common.json;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.datatype.jdk8.Jdk8Module;
import com.fasterxml.jackson.datatype.jsr310.JavaTimeModule;

/**
 * The one JSON configuration of TestGen: snake_case field names, ISO-8601 instants, unknown fields
 * ignored. Temporal payloads, Redis progress events and the gateway's HTTP bodies all use it, so a
 * record reads the same everywhere it appears.
 */
public final class JsonMapperFactory {
  private static final ObjectMapper SHARED = create();

  private JsonMapperFactory() {}

  /** A new mapper with TestGen's configuration; callers may customise their copy. */
  public static ObjectMapper create() {
    return JsonMapper.builder()
        .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .addModule(new JavaTimeModule())
        .addModule(new Jdk8Module())
        .disable(SerializationFeature.WRITE_DATES_AS_TIMESTAMPS)
        .disable(SerializationFeature.FAIL_ON_EMPTY_BEANS)
        .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
        .build();
  }

  /** A shared, read-only-use mapper for code that only serialises and parses. */
  public static ObjectMapper shared() {
    return SHARED;
  }
}
