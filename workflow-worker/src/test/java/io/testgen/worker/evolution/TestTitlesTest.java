package io.testgen.worker.evolution;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Evidence;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class TestTitlesTest {
  private static StateInfo page(String id, String path, String title, String heading) {
    return StateInfoBuilder.state(id, "https://site.test" + path)
        .title(title)
        .depth(1)
        .httpStatus(404)
        .h1(heading)
        .build();
  }

  private static Scenario render(String stateId, String title) {
    return new Scenario(
        "REQ-RENDER-" + stateId,
        title,
        List.of(),
        List.of(),
        List.of(),
        "medium",
        "render",
        List.of(),
        Map.of(),
        new Evidence(List.of(stateId), List.of(), List.of()),
        false,
        null);
  }

  @Test
  void pagesSharingATitleAreNamedByHeadingAndPathOnce() {
    TestTitles titles =
        new TestTitles(
            new ObservedApp(
                Observations.of(
                    "https://site.test/",
                    List.of(
                        page("missing", "/missing", "Not found", "Not found"),
                        page("old", "/old-news", "Not found", "Page not found")),
                    List.of(),
                    List.of())));

    assertThat(titles.of(render("missing", "Page 'Not found' shows the app's error page")))
        .isEqualTo("Page 'Not found' at /missing shows the app's error page");
    assertThat(titles.of(render("old", "Not found lists its links")))
        .isEqualTo("'Page not found' at /old-news lists its links");
  }
}
