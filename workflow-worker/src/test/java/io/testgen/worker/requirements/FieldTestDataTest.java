package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FieldInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 2, unit = TimeUnit.MINUTES)
class FieldTestDataTest {
  private static FieldInfo field(
      String name,
      String type,
      String pattern,
      String min,
      String max,
      Integer minLength,
      Integer maxLength) {
    return new FieldInfo(
        "el-" + name,
        name,
        type,
        null,
        false,
        pattern,
        min,
        max,
        minLength,
        maxLength,
        List.of(),
        List.of());
  }

  @Test
  void validValuesFollowTypeNameAndConstraints() {
    assertThat(FieldTestData.validValue(field("email", "email", null, null, null, null, null)))
        .isEqualTo("user+{{unique}}@example.test");
    assertThat(FieldTestData.validValue(field("qty", "number", null, "2", "10", null, null)))
        .isEqualTo("6");
    assertThat(FieldTestData.validValue(field("zip", "text", "\\d{5}", null, null, null, null)))
        .isEqualTo("12345");
    assertThat(FieldTestData.validValue(field("code", "text", "[A-Z]{3}", null, null, null, null)))
        .isEqualTo("AAA");
    assertThat(FieldTestData.validValue(field("nick", "text", null, null, null, null, 4)))
        .isEqualTo("Test");
    assertThat(FieldTestData.validValue(field("pin", "text", null, null, null, 6, null)))
        .isEqualTo("Test value");
  }

  @Test
  void invalidValuesBreakOneDeclaredConstraint() {
    assertThat(FieldTestData.invalidValue(field("qty", "number", null, null, "10", null, null)))
        .hasValue(new FieldTestData.InvalidValue("11", "max=10", "rejected as above 10"));
    assertThat(FieldTestData.invalidValue(field("bio", "text", null, null, null, null, 200)))
        .hasValue(
            new FieldTestData.InvalidValue(
                "{{repeat:a:201}}", "maxLength=200", "cut to at most 200 characters"));
    assertThat(FieldTestData.invalidValue(field("note", "text", null, null, null, null, null)))
        .isEmpty();
  }
}
