package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.FieldInfo;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class ValueAdjusterTest {
  private static FieldInfo text(String name) {
    return new FieldInfo(
        "E-" + name, name, "text", name, true, null, null, null, null, null, List.of(), List.of());
  }

  @Test
  void aLengthNamedAsTheNounsIsMetExactlyWithDigitsWhereDigitsAreAsked() {
    assertThat(ValueAdjuster.adjust(text("isbn"), "Test value", "Enter an ISBN of 13 digits."))
        .isEqualTo("5550100123111");
    assertThat(ValueAdjuster.adjust(text("zip"), "Test value", "Enter a 5-digit ZIP code"))
        .isEqualTo("55501");
    assertThat(ValueAdjuster.adjust(text("pin"), "abc", "Choose a 6 character code"))
        .isEqualTo("abcxxx");
  }

  @Test
  void theOtherLengthRulesAreUnchanged() {
    assertThat(ValueAdjuster.adjust(text("zip"), "Test value", "ZIP code must have 5 digits"))
        .isEqualTo("55501");
    assertThat(
            ValueAdjuster.adjust(
                text("phone"), "Test value", "Telephone must be digits only, at most 10 digits"))
        .isEqualTo("5550100123");
    assertThat(ValueAdjuster.adjust(text("name"), "Test value", "Name is too short")).isNull();
  }

  @Test
  void aMessageNamingTheOnlyCharactersAllowedDropsTheOthersAndKeepsTheUniqueToken() {
    String django =
        "Enter a valid username. This value may contain only letters, numbers, and @/./+/-/_"
            + " characters.";
    assertThat(ValueAdjuster.adjust(text("username"), "Test User {{unique}}", django))
        .isEqualTo("Test_User_{{unique}}");
    assertThat(ValueAdjuster.adjust(text("username"), "ada.l+x@y-z_{{unique}}", django)).isNull();
    assertThat(
            ValueAdjuster.adjust(
                text("handle"), "Ada Lovelace!", "Use letters, numbers and underscores only."))
        .isEqualTo("Ada_Lovelace_");
    assertThat(
            ValueAdjuster.adjust(
                text("code"), "ab-1 2", "Code may contain only letters and numbers"))
        .isEqualTo("ab12");
  }
}
