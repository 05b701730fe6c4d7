package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.StateInfoBuilder;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class QueryLinkRuleTest {
  private static final String LIST = "https://admin.test/books/";

  private static ElementInfo link(String id, String name, String href) {
    return new ElementInfo(
        id, "link", "a", "link", name, name, href, List.of(Locator.role("link", name, true)));
  }

  private static List<Scenario> derive(List<ElementInfo> links, List<String> instances) {
    return derive(LIST, links, instances);
  }

  private static List<Scenario> derive(
      String url, List<ElementInfo> links, List<String> instances) {
    StateInfo books =
        StateInfoBuilder.state("S-books", url)
            .fingerprint("fp")
            .title("Books")
            .depth(1)
            .h1("Select book to change")
            .links(links)
            .instanceUrls(instances)
            .build();
    ObservationResult result =
        new ObservationResult(
            LIST, "S-books", List.of(books), List.of(), List.of(), List.of(), null, false, null);
    return new QueryLinkRule().derive(RuleInput.of(new ObservationIndex(result), null, false));
  }

  @Test
  void oneScenarioPerSetOfChangedParametersForLinksToAddressesTheCrawlLoaded() {
    List<Scenario> scenarios =
        derive(
            List.of(
                link("E-fiction", "Fiction", LIST + "?genre=fiction"),
                link("E-poetry", "Poetry", LIST + "?genre=poetry"),
                link("E-page2", "2", LIST + "?p=2"),
                link("E-unseen", "Sort", LIST + "?o=1"),
                link("E-authors", "Authors", "https://admin.test/authors/?genre=fiction"),
                link("E-self", "Books", LIST)),
            List.of(
                LIST,
                LIST + "?genre=fiction",
                LIST + "?genre=poetry",
                LIST + "?p=2",
                "https://admin.test/authors/?genre=fiction"));
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, Scenario::title)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "REQ-QUERY-S-books-1",
                "'Fiction' on 'Select book to change' shows it for genre=fiction"),
            org.assertj.core.groups.Tuple.tuple(
                "REQ-QUERY-S-books-2", "'2' on 'Select book to change' shows it for p=2"));
    Scenario fiction = scenarios.get(0);
    assertThat(fiction.evidence().elementIds()).containsExactly("E-fiction");
    assertThat(fiction.then())
        .containsExactly(
            "the address has genre=fiction",
            "the page keeps its layout with the other genre applied");
    assertThat(fiction.testData()).containsEntry("target_url", LIST + "?genre=fiction");
  }

  @Test
  void parametersAreComparedByNameInAnyOrderAndAStateWithoutSuchLinksHasNone() {
    assertThat(
            derive(
                List.of(link("E-both", "Both", LIST + "?q=a&genre=x")),
                List.of(LIST, LIST + "?genre=x&q=a")))
        .extracting(s -> s.testData().get("parameters"))
        .containsExactly("genre,q");
    assertThat(derive(List.of(), List.of(LIST))).isEmpty();
  }

  @Test
  void aLinkThatOnlyDropsParametersIsNoScenarioAndOneThatAlsoDropsOneSaysSo() {
    List<Scenario> scenarios =
        derive(
            LIST + "?genre=x&p=2",
            List.of(
                link("E-all", "All", LIST + "?p=2"),
                link("E-poetry", "Poetry", LIST + "?genre=poetry")),
            List.of(LIST + "?genre=x&p=2", LIST + "?p=2", LIST + "?genre=poetry"));
    assertThat(scenarios).hasSize(1);
    assertThat(scenarios.get(0).title())
        .isEqualTo("'Poetry' on 'Select book to change' shows it for genre=poetry, without p");
    assertThat(scenarios.get(0).then().get(0))
        .isEqualTo("the address has genre=poetry, no p parameter");
  }

  @Test
  void aLinkChangingOnlyValuesOfParametersTheCrawlLoadedThePathWithCountsWithoutItsOwnAddress() {
    String calendar = "https://admin.test/calendar";
    List<Scenario> scenarios =
        derive(
            calendar + "?month=1",
            List.of(
                link("E-next", "Next month", calendar + "?month=2"),
                link("E-prev", "Previous month", calendar + "?month=0"),
                link("E-year", "Next year", calendar + "?month=1&year=2")),
            List.of(calendar + "?month=1", calendar + "?month=0"));
    assertThat(scenarios)
        .extracting(s -> s.testData().get("target_url"))
        .containsExactly(calendar + "?month=2");
  }
}
