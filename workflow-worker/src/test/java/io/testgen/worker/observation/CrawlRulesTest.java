package io.testgen.worker.observation;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.Locator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** The crawler's pure rules: URL identity and traps, synthetic values, locator ranking, ids. */
@Timeout(value = 2, unit = TimeUnit.MINUTES)
class CrawlRulesTest {

  @Test
  void urlsAreComparedWithoutNoise() {
    assertThat(UrlScope.normalise("HTTP://Example.com:80/a?b=2&a=1#top"))
        .isEqualTo("http://example.com/a?a=1&b=2");
    assertThat(UrlScope.normalise("http://example.com")).isEqualTo("http://example.com/");
    assertThat(UrlScope.normalise("http://example.com/app#/todos"))
        .isEqualTo("http://example.com/app#/todos");
    assertThat(UrlScope.normalise("http://example.com/app#!/x"))
        .isEqualTo("http://example.com/app#!/x");
    assertThat(UrlScope.normalise("mailto:a@b.c")).isNull();
    assertThat(UrlScope.normalise("javascript:void(0)")).isNull();
    assertThat(UrlScope.pattern("http://h/items/12/edit?page=3&sort=a"))
        .isEqualTo("/items/#/edit?page&sort");
    assertThat(UrlScope.pattern("http://h/grow?x=1&x=1&x=1")).isEqualTo("/grow?x");
    assertThat(UrlScope.shapeTrap("http://h/" + "a/".repeat(12)))
        .isEqualTo("path deeper than 10 segments");
    assertThat(UrlScope.shapeTrap("http://h/x?" + "a=1&".repeat(9) + "b=2"))
        .isEqualTo("more than 8 query parameters");
    assertThat(UrlScope.shapeTrap("http://h/ok?a=1")).isNull();
    UrlScope scope = new UrlScope("https://shop.example:443/start");
    assertThat(scope.sameOrigin("https://shop.example/cart")).isTrue();
    assertThat(scope.sameOrigin("http://shop.example/cart")).isFalse();
    assertThat(scope.sameOrigin("https://cdn.shop.example/x")).isFalse();
  }

  private static PageSnapshot.RawField field(
      String name,
      String type,
      String label,
      String pattern,
      String min,
      String max,
      Integer minLength,
      Integer maxLength) {
    return new PageSnapshot.RawField(
        name, type, label, true, pattern, min, max, minLength, maxLength, List.of(), 0, true, "",
        "", "");
  }

  @Test
  void syntheticValuesFollowTypeNameAndConstraints() {
    assertThat(
            SyntheticValues.validValue(
                field("email", "email", "Email", null, null, null, null, null), "x"))
        .isEqualTo("testgen.user@example.com");
    assertThat(
            SyntheticValues.validValue(
                field("message", "textarea", "Message", null, null, null, 10, null), "x"))
        .isEqualTo("This is a message written by TestGen.");
    assertThat(
            SyntheticValues.validValue(
                field("age", "number", "Age", null, "18", "99", null, null), "x"))
        .isEqualTo("19");
    assertThat(
            SyntheticValues.validValue(
                field("qty", "number", "Qty", null, "5", "5", null, null), "x"))
        .isEqualTo("5");
    assertThat(
            SyntheticValues.validValue(
                field("zip", "text", "ZIP", "[0-9]{5}", null, null, null, null), "x"))
        .isEqualTo("10115");
    assertThat(
            SyntheticValues.validValue(
                field("code", "text", "Code", "[A-Z]{3}[0-9]{3}", null, null, null, null), "x"))
        .isEqualTo("ABC123");
    assertThat(
            SyntheticValues.validValue(
                field("title", "text", "Title", null, null, null, null, 5), "x"))
        .isEqualTo("TestG");
    assertThat(
            SyntheticValues.validValue(
                field("nick", "text", "Nick", null, null, null, 20, null), "x"))
        .hasSize(20);
    assertThat(
            SyntheticValues.validValue(
                field("q", "search", "Search", null, null, null, null, null), "release"))
        .isEqualTo("release");
    assertThat(
            SyntheticValues.validValue(
                field("when", "date", "Date", null, null, null, null, null), "x"))
        .isEqualTo("2030-01-15");
    assertThat(
            SyntheticValues.validValue(
                field("c", "select", "Country", null, null, null, null, null), "x"))
        .isNull();
    assertThat(SyntheticValues.searchHint("e.g. hammer", List.of())).isEqualTo("hammer");
    assertThat(SyntheticValues.searchHint("Search…", List.of("Home", "Browse all tasks")))
        .isEqualTo("browse");
  }

  private static PageSnapshot.RawElement element(
      String role,
      String name,
      String label,
      String text,
      String testId,
      String css,
      Map<String, Integer> counts) {
    return new PageSnapshot.RawElement(
        0, "button", "button", "", role, name, text, null, label, "", testId, css, -1, false, false,
        counts, null);
  }

  @Test
  void locatorsAreRankedUniqueFirstInPlaywrightsOrderAndCapped() {
    List<Locator> ranked =
        LocatorRanker.rank(
            element(
                "button",
                "Save",
                "",
                "Save",
                "save-btn",
                "#save",
                Map.of("role", 2, "test_id", 1, "text", 2, "css", 1)));
    assertThat(ranked)
        .containsExactly(
            new Locator("test_id", "save-btn", null, true),
            Locator.css("#save", true),
            Locator.role("button", "Save", false),
            new Locator("text", "Save", null, false));
    List<Locator> many =
        LocatorRanker.rank(
            new PageSnapshot.RawElement(
                0,
                "input",
                "input",
                "text",
                "textbox",
                "Email",
                "",
                null,
                "Email",
                "you@x",
                "email",
                "#email",
                0,
                false,
                false,
                Map.of("role", 1, "label", 1, "hint_text", 1, "test_id", 1, "css", 1),
                null));
    assertThat(many).hasSize(4);
    assertThat(many.get(0)).isEqualTo(Locator.role("textbox", "Email", true));
    assertThat(many.get(3)).isEqualTo(Locator.css("#email", true)); // CSS stays as the last resort
  }

  @Test
  void idsDeriveFromTheStructure() {
    String fp = StateFingerprint.of("body{main{h1,ul{li{a}}}}");
    assertThat(fp).hasSize(64).isEqualTo(StateFingerprint.of("body{main{h1,ul{li{a}}}}"));
    assertThat(StateFingerprint.stateId(fp)).isEqualTo("S-" + fp.substring(0, 8));
    assertThat(StateFingerprint.of("body{main{h1,ol{li{a}}}}")).isNotEqualTo(fp);
  }
}
