package io.testgen.common.url;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 10, unit = TimeUnit.SECONDS)
class UrlPartsTest {

  @Test
  void takesAUrlApartAsWritten() {
    assertThat(UrlParts.parse("http://shop.test/items%20all?q=a%20b&sort=name#/cart"))
        .contains(new UrlParts("/items%20all", "q=a%20b&sort=name", "/cart"));
  }

  @Test
  void nullAndNonUrlsHaveNoParts() {
    assertThat(UrlParts.parse(null)).isEmpty();
    assertThat(UrlParts.parse("http://shop.test/a b")).isEmpty();
    assertThat(UrlParts.parse(" http://shop.test/")).isEmpty();
  }

  @Test
  void aSiteRootIsSlashHoweverWritten() {
    assertThat(UrlParts.parse("http://shop.test").orElseThrow().path()).isEmpty();
    assertThat(UrlParts.parse("http://shop.test").orElseThrow().pathOrRoot()).isEqualTo("/");
    assertThat(UrlParts.parse("http://shop.test/").orElseThrow().pathOrRoot()).isEqualTo("/");
    assertThat(UrlParts.parse("mailto:a@shop.test").orElseThrow().path()).isNull();
    assertThat(UrlParts.parse("mailto:a@shop.test").orElseThrow().pathOrRoot()).isEqualTo("/");
  }

  @Test
  void pathAndQueryKeepsTheQueryAndDropsTheFragment() {
    assertThat(UrlParts.parse("http://shop.test?page=2#top").orElseThrow().pathAndQuery())
        .isEqualTo("/?page=2");
    assertThat(UrlParts.parse("http://shop.test/list#/x").orElseThrow().pathAndQuery())
        .isEqualTo("/list");
    assertThat(UrlParts.parse("/list?a=1&b").orElseThrow().pathAndQuery()).isEqualTo("/list?a=1&b");
  }

  @Test
  void onlySlashAndBangFragmentsAreRoutes() {
    assertThat(UrlParts.parse("http://t/app#/active").orElseThrow().hashRoute())
        .isEqualTo("/active");
    assertThat(UrlParts.parse("http://t/app#!/x").orElseThrow().hashRoute()).isEqualTo("!/x");
    assertThat(UrlParts.parse("http://t/app#section-2").orElseThrow().hashRoute()).isNull();
    assertThat(UrlParts.parse("http://t/app").orElseThrow().hashRoute()).isNull();
  }

  @Test
  void parametersAreSortedByNameAndTheLastRepeatWins() {
    assertThat(UrlParts.parse("/l?sort=name&q=a&&flag&q=b").orElseThrow().parameters())
        .containsExactly(Map.entry("flag", ""), Map.entry("q", "b"), Map.entry("sort", "name"));
    assertThat(UrlParts.parse("/l").orElseThrow().parameters()).isEmpty();
  }
}
