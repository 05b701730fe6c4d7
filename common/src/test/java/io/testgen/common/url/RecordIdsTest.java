package io.testgen.common.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class RecordIdsTest {
  private static final String UUID = "3f2c9a1e-7b4d-4e8a-9c0f-1a2b3c4d5e6f";

  @Test
  void aNumberOrAUuidIsAnIdASlugOrAWordIsNot() {
    assertThat(RecordIds.isId("42")).isTrue();
    assertThat(RecordIds.isId(UUID)).isTrue();
    assertThat(RecordIds.isId(UUID.toUpperCase())).isTrue();
    assertThat(RecordIds.isId("the-hobbit")).isFalse();
    assertThat(RecordIds.isId("edit")).isFalse();
    assertThat(RecordIds.isId("42a")).isFalse();
    assertThat(RecordIds.isId(UUID.substring(1))).isFalse();
    assertThat(RecordIds.isId(null)).isFalse();
  }

  @Test
  void idsAreReplacedAsWholeSegmentsOnly() {
    assertThat(RecordIds.replaceIds("/books/42/edit", "{{id}}")).isEqualTo("/books/{{id}}/edit");
    assertThat(RecordIds.replaceIds("/orders/" + UUID, "{{id}}")).isEqualTo("/orders/{{id}}");
    assertThat(RecordIds.replaceIds("/v2/items/a42", "$1")).isEqualTo("/v2/items/a42");
    assertThat(RecordIds.replaceIds("/page/2/of/10", "$x")).isEqualTo("/page/$x/of/$x");
    assertThat(RecordIds.replaceIds(null, "{{id}}")).isNull();
  }

  @Test
  void theRegexMatchesWhatIsIdSaysInJavaAsInJavaScriptSyntax() {
    Pattern whole = Pattern.compile("^" + RecordIds.REGEX + "$");
    assertThat(whole.matcher("7").matches()).isTrue();
    assertThat(whole.matcher(UUID).matches()).isTrue();
    assertThat(whole.matcher("seven").matches()).isFalse();
    // no possessive quantifiers, lookbehinds or inline flags: JavaScript reads it alike
    assertThat(RecordIds.REGEX).doesNotContain("++").doesNotContain("(?<").doesNotContain("(?i");
  }
}
