package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** hostile's hand-written faults over real HTTP: each changes one page; healing restores it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFaultsTest extends ServedAppTest<HostileApp> {
  HostileFaultsTest() {
    super(new HostileApp());
  }

  private String status(String path) {
    HttpResponse<String> r = http.get(path);
    return r.statusCode() + " " + Pages.heading(r.body());
  }

  @Test
  void errorPagesAnswer200() {
    assertThat(healedFaultyHealed("profile-error-answers-200", () -> status("/members/profile")))
        .containsExactly("500 Something went wrong", "200 Something went wrong");
    assertThat(healedFaultyHealed("old-news-answers-200", () -> status("/old-news")))
        .containsExactly("404 Page not found", "200 Page not found");
  }

  @Test
  void calendarNextMonthStaysOnTheMonthShown() {
    assertThat(
            healedFaultyHealed(
                "calendar-next-month-stuck",
                () -> Pages.links(http.get("/calendar?month=3").body()).toString()))
        .containsExactly(
            "[/calendar?month=4, /calendar?month=2]", "[/calendar?month=3, /calendar?month=2]");
  }

  @Test
  void helpPageLosesItsText() {
    List<String> seen = healedFaultyHealed("help-page-loses-text", () -> http.get("/help").body());
    assertThat(seen.get(0))
        .contains("<h1>Help</h1><p>Questions about your membership? Write to us.</p>");
    assertThat(seen.get(1)).contains("<h1>Help</h1>").doesNotContain("Questions");
  }

  @Test
  void errorPagesHomeLinkGoesNowhere() {
    assertThat(
            healedFaultyHealed(
                "error-pages-home-link-broken",
                () ->
                    Pages.links(http.get("/members/profile").body())
                        + " "
                        + Pages.links(http.get("/old-news").body())))
        .containsExactly("[/, /help, /help] [/, /help]", "[/home, /help, /help] [/home, /help]");
    assertThat(http.get("/home").statusCode()).isEqualTo(404);
  }

  @Test
  void logOutAnswersAServerErrorPage() {
    assertThat(
            healedFaultyHealed(
                "logout-answers-500",
                () -> {
                  HttpResponse<String> r = http.get("/logout");
                  return r.statusCode()
                      + " "
                      + r.headers().firstValue("Location").orElse(Pages.heading(r.body()));
                }))
        .containsExactly("303 /", "500 Something went wrong");
  }
}
