package io.testgen.common.agents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.testgen.common.agents.evolution.StepAction;
import io.testgen.common.agents.evolution.TestStep;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.LocatorStrategy;
import io.testgen.common.json.JsonMapperFactory;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Step actions and locator strategies as types: the wire keeps the names clients already read. */
@Timeout(value = 10, unit = TimeUnit.SECONDS)
class VocabularyWireTest {
  private final ObjectMapper json = JsonMapperFactory.shared();

  @Test
  void wireNamesAreTheSnakeCaseNamesTestsAlwaysCarried() {
    assertThat(Arrays.stream(StepAction.values()).map(StepAction::wireName))
        .containsExactly(
            "goto",
            "click",
            "dblclick",
            "hover",
            "fill",
            "select",
            "check",
            "press",
            "wait_for",
            "expect_visible",
            "expect_hidden",
            "expect_text",
            "expect_url",
            "expect_title",
            "expect_count",
            "expect_value",
            "click_expect_ok",
            "expect_tab_reachable",
            "expect_not_executed",
            "expect_status",
            "remember_text",
            "expect_changed_text");
    assertThat(Arrays.stream(LocatorStrategy.values()).map(LocatorStrategy::wireName))
        .containsExactly("role", "label", "hint_text", "test_id", "text", "alt", "title", "css");
  }

  @Test
  void aStepBuiltFromTypesSerialisesAsBeforeAndReadsBack() throws Exception {
    TestStep step =
        new TestStep(
            StepAction.WAIT_FOR,
            List.of(Locator.role("button", "Save", true)),
            "visible",
            null,
            "w");
    String written = json.writeValueAsString(step);
    assertThat(written)
        .isEqualTo(
            "{\"action\":\"wait_for\",\"locators\":[{\"strategy\":\"role\",\"value\":\"button\","
                + "\"name\":\"Save\",\"unique\":true}],\"value\":\"visible\",\"secret\":null,"
                + "\"description\":\"w\"}");
    TestStep read = json.readValue(written, TestStep.class);
    assertThat(read).isEqualTo(step);
    assertThat(read.stepAction()).isEqualTo(StepAction.WAIT_FOR);
    assertThat(read.locators().get(0).locatorStrategy()).isEqualTo(LocatorStrategy.ROLE);
    assertThat(json.writeValueAsString(LocatorStrategy.HINT_TEXT)).isEqualTo("\"hint_text\"");
  }

  @Test
  void unknownNamesAreNamedInTheError() {
    assertThatThrownBy(() -> StepAction.fromWire("drag"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown action drag");
    assertThatThrownBy(() -> new Locator("xpath", "//a", null, true).locatorStrategy())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("unknown locator strategy xpath");
  }
}
