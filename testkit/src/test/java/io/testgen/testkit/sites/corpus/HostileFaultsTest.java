package io.testgen.testkit.sites.corpus;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.http.HttpResponse;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/** hostile's hand-written faults over real HTTP: each changes one page; healing restores it. */
@Timeout(value = 60, unit = TimeUnit.SECONDS)
class HostileFaultsTest extends ServedAppTest<HostileApp> {
  HostileFaultsTest() {
    super(new HostileApp());
  }

  private String[] healedFaultyHealed(String fault, Supplier<String> probe) {
    String healed = probe.get();
    app.faults().inject(fault);
    String faulty;
    try {
      faulty = probe.get();
    } finally {
      app.faults().heal();
    }
    assertThat(probe.get()).as("healing restores " + fault).isEqualTo(healed);
    return new String[] {healed, faulty};
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
    String[] seen = healedFaultyHealed("help-page-loses-text", () -> http.get("/help").body());
    assertThat(seen[0])
        .contains("<h1>Help</h1><p>Questions about your membership? Write to us.</p>");
    assertThat(seen[1]).contains("<h1>Help</h1>").doesNotContain("Questions");
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
}
