package io.testgen.worker.requirements;

import static org.assertj.core.api.Assertions.assertThat;

import io.testgen.common.agents.observation.ElementInfo;
import io.testgen.common.agents.observation.FieldInfo;
import io.testgen.common.agents.observation.FormInfo;
import io.testgen.common.agents.observation.Locator;
import io.testgen.common.agents.observation.ObservationIndex;
import io.testgen.common.agents.observation.ObservationResult;
import io.testgen.common.agents.observation.StateInfo;
import io.testgen.common.agents.requirements.Scenario;
import io.testgen.worker.Observations;
import io.testgen.worker.StateInfoBuilder;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(value = 30, unit = TimeUnit.SECONDS)
class DeleteRuleTest {
  private static final String APP = "https://admin.test";

  private static ElementInfo link(String id, String name, String href) {
    return new ElementInfo(
        id, "link", "a", "link", name, name, href, List.of(Locator.role("link", name, true)));
  }

  private static StateInfo state(String id, String path, List<ElementInfo> links) {
    return StateInfoBuilder.state(id, APP + path).depth(1).links(links).build();
  }

  private static FieldInfo text(String name) {
    return new FieldInfo(
        "E-" + name,
        name,
        "text",
        name,
        true,
        null,
        null,
        null,
        null,
        null,
        null,
        List.of(Locator.role("textbox", name, true)));
  }

  private static FormInfo form(String id, String stateId, String purpose, List<FieldInfo> fields) {
    ElementInfo submit =
        new ElementInfo(
            "E-submit-" + id,
            "button",
            "button",
            "button",
            "Save",
            "Save",
            null,
            List.of(Locator.role("button", "Save", true)));
    return new FormInfo(id, stateId, "", "post", purpose, fields, submit, List.of());
  }

  private static List<Scenario> derive(List<StateInfo> states, List<FormInfo> forms) {
    return derive(states, forms, List.of());
  }

  private static List<Scenario> derive(
      List<StateInfo> states,
      List<FormInfo> forms,
      List<io.testgen.common.agents.observation.Finding> findings) {
    ObservationResult r = Observations.of(APP + "/", states, List.of(), forms);
    ObservationResult result =
        new ObservationResult(
            r.targetUrl(),
            r.startStateId(),
            r.states(),
            r.transitions(),
            r.forms(),
            findings,
            null,
            false,
            null);
    return new DeleteRule().derive(RuleInput.of(new ObservationIndex(result), null, false));
  }

  @Test
  void aRecordPagesDeleteLinkAndItsCollectionsCreateFormMakeOneRoundTripPerCollection() {
    List<Scenario> scenarios = bookUserAndAuthor(List.of());
    // users: their add form manages accounts, which exploration submitted (the run allows it);
    // authors: no create form was seen
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-DELETE-library-book", "REQ-DELETE-auth-user");
    Scenario s = scenarios.get(0);
    assertThat(s.scenarioId()).isEqualTo("REQ-DELETE-library-book");
    assertThat(s.title()).isEqualTo("Deleting a record made on 'S-add' removes it");
    assertThat(s.evidence().stateIds()).containsExactly("S-add", "S-book");
    assertThat(s.evidence().formIds()).containsExactly("F-add");
    assertThat(s.evidence().elementIds()).containsExactly("E-title", "E-isbn", "E-delete");
    // the test finds its own record by a name no other record carries
    assertThat(s.testData())
        .isEqualTo(Map.of("title", "Test value {{unique}}", "isbn", "Test value"));
    assertThat(s.tags()).contains("delete", "round_trip", "creates_data");
    assertThat(s.priority()).isEqualTo("high");
    assertThat(scenarios.get(1).testData()).isEqualTo(Map.of("username", "user{{unique}}"));
  }

  @Test
  void anAccountCreateFormExplorationWasNotAllowedToSubmitMakesNoRoundTrip() {
    List<Scenario> scenarios =
        bookUserAndAuthor(
            List.of(
                new io.testgen.common.agents.observation.Finding(
                    "skipped_destructive", APP + "/auth/user/add/", null, "submit 'Save'")));
    assertThat(scenarios)
        .extracting(Scenario::scenarioId)
        .containsExactly("REQ-DELETE-library-book");
  }

  private static List<Scenario> bookUserAndAuthor(
      List<io.testgen.common.agents.observation.Finding> findings) {
    return derive(
        List.of(
            state("S-add", "/library/book/add/", List.of()),
            state(
                "S-book",
                "/library/book/7/change/",
                List.of(
                    link("E-history", "History", APP + "/library/book/7/history/"),
                    link("E-delete", "Delete", APP + "/library/book/7/delete/"))),
            state(
                "S-other-book",
                "/library/book/9/change/",
                List.of(link("E-delete-9", "Delete", APP + "/library/book/9/delete/"))),
            state("S-user-add", "/auth/user/add/", List.of()),
            state(
                "S-user",
                "/auth/user/2/change/",
                List.of(link("E-user-delete", "Delete", APP + "/auth/user/2/delete/"))),
            state(
                "S-author",
                "/library/author/3/change/",
                List.of(link("E-author-delete", "Delete", APP + "/library/author/3/delete/")))),
        List.of(
            form("F-add", "S-add", "create", List.of(text("title"), text("isbn"))),
            form("F-change", "S-book", "create", List.of(text("title"))),
            form("F-user", "S-user-add", "account", List.of(text("username")))),
        findings);
  }

  @Test
  void aFormThatDeletesOnTheRecordsOwnPageIsItsControl() {
    FormInfo delete =
        new FormInfo(
            "F-del",
            "S-customer",
            APP + "/customers/3/delete",
            "post",
            "delete",
            List.of(),
            new ElementInfo(
                "E-del",
                "button",
                "button",
                "button",
                "Delete customer",
                "Delete customer",
                null,
                List.of(Locator.role("button", "Delete customer", true))),
            List.of());
    List<Scenario> scenarios =
        derive(
            List.of(
                state("S-new", "/customers/new", List.of()),
                state("S-customer", "/customers/3", List.of())),
            List.of(form("F-new", "S-new", "create", List.of(text("name"))), delete));
    assertThat(scenarios)
        .extracting(Scenario::scenarioId, s -> s.evidence().elementIds())
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(
                "REQ-DELETE-customers", List.of("E-name", "E-del")));
    assertThat(derive(List.of(state("S-customer", "/customers/3", List.of())), List.of(delete)))
        .isEmpty();
  }
}
