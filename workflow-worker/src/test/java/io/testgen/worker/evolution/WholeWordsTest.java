package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 1, unit = TimeUnit.MINUTES)
class WholeWordsTest {
  @Test
  void aValueIsFoundAsWholeWordsIgnoringCase() {
    WholeWords words = WholeWords.of(List.of("Ada", "Test value"));
    assertThat(words.inside("Ada Lovelace")).isTrue();
    assertThat(words.inside("country: test value")).isTrue();
    assertThat(words.inside("Canada")).isFalse();
    assertThat(words.inside("Test values")).isFalse();
  }

  @Test
  void aUniqueTokenMatchesAnyRunsSuffixAndNothingElse() {
    WholeWords words = WholeWords.of(List.of("Note {{unique}}", "user{{unique}}@example.com"));
    assertThat(words.inside("Note mx5d0uwxwh was added")).isTrue();
    assertThat(words.inside("userlx3k9a@example.com")).isTrue();
    assertThat(words.inside("New note")).isFalse();
    assertThat(words.inside("Note")).isFalse();
    assertThat(words.inside("user@example.com")).isFalse();
    // special characters around the token stay literal
    assertThat(WholeWords.of(List.of("a.b {{unique}}")).inside("axb q1")).isFalse();
  }
}
