package io.testgen.worker.browser;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** Which step URLs stay on the run's origin, by the rules a browser reads them with. */
@Timeout(value = 30, unit = TimeUnit.SECONDS)
class SameOriginUrlTest {
  static final String ORIGIN = "http://127.0.0.1:8123";

  @Test
  void pathsAndSameOriginUrlsOpenOnTheOrigin() {
    assertThat(SameOriginUrl.resolve(ORIGIN, "/notes?q=1#/active"))
        .isEqualTo("http://127.0.0.1:8123/notes?q=1#/active");
    assertThat(SameOriginUrl.resolve(ORIGIN + "/deep/page", "/")).isEqualTo(ORIGIN + "/");
    assertThat(SameOriginUrl.resolve(ORIGIN, "")).isEqualTo(ORIGIN + "/");
    assertThat(SameOriginUrl.resolve(ORIGIN, "/a%2F%2Fb")).isEqualTo(ORIGIN + "/a%2F%2Fb");
    assertThat(SameOriginUrl.resolve(ORIGIN, "HTTP://127.0.0.1:8123//x"))
        .isEqualTo("HTTP://127.0.0.1:8123//x");
    assertThat(SameOriginUrl.resolve("https://app.example", "https://APP.example:443/x"))
        .isEqualTo("https://APP.example:443/x");
  }

  @Test
  void referencesABrowserWouldSendElsewhereAreRefused() {
    for (String attack :
        new String[] {
          "//2130706433:8124/x", // protocol-relative: another host (127.0.0.1 spelt as a number)
          "//169.254.169.254/latest/meta-data/",
          "/\\169.254.169.254/x", // a browser reads \ as /
          "\\\\169.254.169.254/x",
          "/\t/169.254.169.254/x", // a browser drops tabs and newlines
          "/\n/evil.example/",
          " //evil.example/",
          "http://127.0.0.1:8124/x", // another port is another origin
          "http://evil.example/",
          "http://user@127.0.0.1:8123/x",
          "http://127.0.0.1:8123\\@evil.example/",
          "javascript:alert(1)",
          "file:///etc/passwd",
          "notes", // relative to whatever page is open: not a path on the origin
          "?q=1",
          "/" + "a".repeat(SameOriginUrl.MAX_LENGTH)
        }) {
      assertThatThrownBy(() -> SameOriginUrl.resolve(ORIGIN, attack))
          .as(attack)
          .isInstanceOf(SameOriginUrl.RefusedException.class)
          .hasMessageStartingWith("navigation refused: ");
    }
  }
}
